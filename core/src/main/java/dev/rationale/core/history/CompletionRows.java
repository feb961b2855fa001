// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The SQL for the {@code completions} table: inserting, paging and reading back whole. A row keeps its cell (see
 * {@link CompletionCells}), case, sample, grade and the answers the grade rests on as columns, for queries; the
 * rest (request, texts, tokens, usage, timings) is its {@code body}, packed ({@link CompletionBody}) and
 * compressed ({@link BodyCodec}).
 */
final class CompletionRows {
    private static final String ROW_COLUMNS = "c.id, k.run_id, k.variant, k.target, k.target_kind, k.model, "
            + "c.case_id, c.sample, c.extracted, c.expected, c.grade, c.failure, c.finish_reason, c.created_at";
    private static final String ALL_COLUMNS = ROW_COLUMNS + ", c.cell, c.body, c.batch";
    // A result's own columns, read by position; what its cell shares is read once per cell.
    private static final String RESULT_COLUMNS = "c.id, c.cell, c.case_id, c.sample, c.extracted, c.expected, "
            + "c.grade, c.failure, c.finish_reason, c.created_at, c.body";
    private static final String GRADE_COLUMNS = "c.id, c.cell, c.case_id, c.sample, c.grade, c.failure IS NOT NULL, "
            + "c.finish_reason, c.body";
    private static final String FROM = " FROM completions c JOIN completion_cells k ON k.id = c.cell";
    private static final String INSERT_BEFORE_BILLING = "INSERT INTO completions (id, cell, case_id, sample, grade, "
            + "extracted, expected, failure, finish_reason, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "RETURNING id";
    private static final String INSERT = "INSERT INTO completions (id, cell, case_id, sample, grade, extracted, "
            + "expected, failure, finish_reason, created_at, body, " + CellBills.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    /** The most completions of one case read back at once: many re-evaluations, each with many samples. */
    static final int CASE_LIMIT = 1_000;
    // Cells in order, then each cell's rows in completions_by_cell's order: SQLite walks both indexes, no sort.
    private static final String GRID_ORDER = " ORDER BY k.variant, k.target, k.target_kind, k.model, c.case_id, "
            + "c.sample, c.id";

    private CompletionRows() {
    }

    /**
     * Inserts completions, each compressed against its cell's dictionary. May serve many transactions on its
     * connection (see {@link CompletionRecorder}) as long as its cells are forgotten when they may have changed.
     */
    static final class Writer implements AutoCloseable {
        private final CompletionCells cells;
        private final BodyCodec codec = new BodyCodec();
        private final PreparedStatement insert;
        private final boolean billed;
        private final @Nullable PreparedStatement grading;

        Writer(Connection connection) throws SQLException {
            this.cells = new CompletionCells(connection);
            // A schema before migration 8 (migration 5's conversion, a test's older database) has no billing
            // columns yet; migration 8 fills them in from the bodies.
            this.billed = CellBills.present(connection);
            // RETURNING rather than generated keys: the driver gets those with a statement it prepares every time.
            this.insert = connection.prepareStatement(billed ? INSERT : INSERT_BEFORE_BILLING);
            this.grading = GradingRows.present(connection) ? GradingRows.prepare(connection) : null;
        }

        /** Inserts the completions under new ids; returns their ids in the same order. */
        List<Long> insertAll(List<CompletionRecord> completions) throws SQLException {
            List<Long> ids = new ArrayList<>(completions.size());
            for (CompletionRecord completion : completions) {
                ids.add(insert(null, completion));
            }
            return ids;
        }

        /** Stores {@code c} under {@code id}, or under a new id when null; returns the id. */
        long insert(@Nullable Long id, CompletionRecord c) throws SQLException {
            byte[] packed = CompletionBody.pack(new CompletionBody.Parts(RequestJson.write(c.request()), c.text(),
                    c.reasoning(), c.tokens(), c.usage(), c.timings()));
            CompletionCells.Cell cell = cells.cellOf(c.key(), packed);
            if (id == null) {
                insert.setNull(1, Types.INTEGER);
            } else {
                insert.setLong(1, id);
            }
            insert.setLong(2, cell.id());
            insert.setString(3, c.key().caseId());
            insert.setInt(4, c.key().sample());
            insert.setString(5, c.grade().id());
            insert.setString(6, c.extracted());
            insert.setString(7, c.expected());
            insert.setString(8, c.failure());
            insert.setString(9, c.finishReason() == null ? null : c.finishReason().name());
            insert.setLong(10, c.createdAt().toEpochMilli());
            insert.setBytes(11, codec.compress(packed, cell.dictionary()));
            if (billed) {
                CellBills.bind(insert, 12, c.usage(), c.batch());
            }
            long stored;
            try (ResultSet returned = insert.executeQuery()) {
                returned.next();
                stored = returned.getLong(1);
            }
            if (grading != null && c.grading() != null) {
                GradingRows.bind(grading, stored, c.grading());
                grading.executeUpdate();
            }
            return stored;
        }

        /** Forgets the cells seen so far, e.g. after a rollback that removed ones created in it. */
        void forgetCells() {
            cells.forget();
        }

        @Override
        public void close() throws SQLException {
            codec.close();
            try (cells; insert; grading) {
                // all closed
            }
        }
    }

    /** Reads whole completions from result sets of {@link #ALL_COLUMNS}; one per cursor. */
    static final class Reader implements AutoCloseable {
        private final CompletionCells cells;
        private final BodyCodec codec = new BodyCodec();
        private final Connection connection;
        private @Nullable PreparedStatement gradings;
        private @Nullable Boolean graded;

        Reader(Connection connection) {
            this.cells = new CompletionCells(connection);
            this.connection = connection;
        }

        StoredCompletion read(ResultSet row) throws SQLException {
            byte[] packed = codec.decompress(row.getBytes("body"), cells.dictionary(row.getLong("cell")));
            CompletionBody.Parts body = CompletionBody.unpack(packed);
            CompletionRecord record = new CompletionRecord(readKey(row), HistoryJson.request(body.requestJson()),
                    body.text(), body.reasoning(), body.tokens(), row.getString("extracted"),
                    row.getString("expected"), grade(row.getString("grade")), row.getString("failure"),
                    finishReason(row.getString("finish_reason")), body.usage(), body.timings(),
                    Instant.ofEpochMilli(row.getLong("created_at")), row.getInt("batch") != 0,
                    grading(row.getLong("id")));
            return new StoredCompletion(row.getLong("id"), record);
        }

        // Few completions have a grading row; the statement is prepared on the first whole read of a history with
        // the table.
        private @Nullable GradeDetail grading(long id) throws SQLException {
            if (graded == null) {
                graded = GradingRows.present(connection);
                gradings = graded ? GradingRows.prepareFind(connection) : null;
            }
            return gradings == null ? null : GradingRows.find(gradings, id);
        }

        /** A result from a row of {@link #RESULT_COLUMNS}. */
        StoredResult readResult(ResultSet row) throws SQLException {
            CompletionCells.Stored cell = cells.stored(row.getLong(2));
            CompletionRow completion = new CompletionRow(row.getLong(1), cell.key(row.getString(3), row.getInt(4)),
                    row.getString(5), row.getString(6), grade(row.getString(7)), row.getString(8),
                    finishReason(row.getString(9)), Instant.ofEpochMilli(row.getLong(10)));
            int length = codec.decompressIntoBuffer(row.getBytes(11), cell.dictionary());
            CompletionBody.Result body = CompletionBody.unpackResult(codec.buffer(), length);
            return new StoredResult(completion, body.text(), body.reasoning(), body.tokens(), body.usage(),
                    body.timings());
        }

        /** A grade from a row of {@link #GRADE_COLUMNS}. */
        StoredGrade readGrade(ResultSet row) throws SQLException {
            CompletionCells.Stored cell = cells.stored(row.getLong(2));
            int length = codec.decompressIntoBuffer(row.getBytes(8), cell.dictionary());
            CompletionBody.Result scored = CompletionBody.unpackScored(codec.buffer(), length);
            return new StoredGrade(row.getLong(1), cell.key(row.getString(3), row.getInt(4)), grade(row.getString(5)),
                    row.getBoolean(6), scored == null ? null : new CompletionResult.Sample(scored.text(),
                            scored.reasoning(), scored.tokens(), finishReason(row.getString(7))));
        }

        /** Forgets the cells seen so far, e.g. after a rollback that removed ones created in it. */
        void forgetCells() {
            cells.forget();
        }

        @Override
        public void close() throws SQLException {
            codec.close();
            PreparedStatement opened = gradings;
            try (cells; opened) {
                // both closed
            }
        }
    }

    static Optional<StoredCompletion> find(Connection connection, long id) throws SQLException {
        List<StoredCompletion> found = new ArrayList<>(1);
        select(connection, " WHERE c.id = ?", found::add, statement -> statement.setLong(1, id));
        return found.stream().findFirst();
    }

    static List<StoredCompletion> ofRun(Connection connection, String runId) throws SQLException {
        List<StoredCompletion> found = new ArrayList<>();
        forEach(connection, runId, found::add);
        return found;
    }

    /** Hands each completion of the run to {@code action} as it is read, in grid order. */
    static void forEach(Connection connection, String runId, Consumer<StoredCompletion> action)
            throws SQLException {
        select(connection, " WHERE k.run_id = ?" + GRID_ORDER, action, statement -> statement.setString(1, runId));
    }

    /** Hands each completion of the run without its request to {@code action} as it is read, in grid order. */
    static void forEachResult(Connection connection, String runId, Consumer<StoredResult> action)
            throws SQLException {
        select(connection, RESULT_COLUMNS, " WHERE k.run_id = ?" + GRID_ORDER, Reader::readResult, action,
                statement -> statement.setString(1, runId));
    }

    /** Hands each completion's grade to {@code action} as it is read, in grid order. */
    static void forEachGrade(Connection connection, String runId, Consumer<StoredGrade> action)
            throws SQLException {
        select(connection, GRADE_COLUMNS, " WHERE k.run_id = ?" + GRID_ORDER, Reader::readGrade, action,
                statement -> statement.setString(1, runId));
    }

    static List<StoredCompletion> ofCase(Connection connection, CaseQuery query) throws SQLException {
        // The runs of one set's task are few; the cells index then finds their cells, completions_by_cell the case.
        List<StoredCompletion> found = new ArrayList<>();
        select(connection, " WHERE k.run_id IN (SELECT id FROM runs WHERE set_file IS ? AND task IS ?)"
                + " AND k.variant = ? AND k.target = ? AND c.case_id = ? AND k.model = ? ORDER BY c.id DESC LIMIT ?",
                found::add, select -> {
                    select.setString(1, query.promptSetFile());
                    select.setString(2, query.task());
                    select.setString(3, query.variant());
                    select.setString(4, query.endpoint());
                    select.setString(5, query.caseId());
                    select.setString(6, query.model());
                    select.setInt(7, CASE_LIMIT);
                });
        return found;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface RowReader<T> {
        T read(Reader reader, ResultSet row) throws SQLException;
    }

    private static void select(Connection connection, String condition, Consumer<StoredCompletion> action,
            Binder binder) throws SQLException {
        select(connection, ALL_COLUMNS, condition, Reader::read, action, binder);
    }

    private static <T> void select(Connection connection, String columns, String condition, RowReader<T> rowReader,
            Consumer<T> action, Binder binder) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + FROM + condition);
                Reader reader = new Reader(connection)) {
            binder.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    action.accept(rowReader.read(reader, rows));
                }
            }
        }
    }

    static RunCompletionKey readKey(ResultSet row) throws SQLException {
        RunTarget target = new RunTarget(row.getString("target"), kind(row.getString("target_kind")),
                row.getString("model"));
        return new RunCompletionKey(row.getString("run_id"), row.getString("variant"), target,
                row.getString("case_id"), row.getInt("sample"));
    }

    /** The verdict stored as {@code id} in a grade column. */
    static Verdict grade(String id) {
        return Verdict.parse(id).orElseThrow(() -> new HistoryException("unknown grade in history: " + id));
    }

    static CompletionRow readRow(ResultSet row) throws SQLException {
        return new CompletionRow(row.getLong("id"), readKey(row), row.getString("extracted"),
                row.getString("expected"), grade(row.getString("grade")), row.getString("failure"),
                finishReason(row.getString("finish_reason")), Instant.ofEpochMilli(row.getLong("created_at")));
    }

    static ProviderKind kind(String id) {
        return ProviderKind.parse(id).orElseThrow(() -> new HistoryException("unknown endpoint kind in history: "
                + id));
    }

    static @Nullable FinishReason finishReason(@Nullable String name) {
        return name == null ? null : FinishReason.valueOf(name.toUpperCase(Locale.ROOT));
    }

    static void setInteger(PreparedStatement statement, int index, @Nullable Integer value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    static @Nullable Integer getInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }
}
