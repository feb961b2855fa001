// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The SQL for the {@code completions} table: inserting, paging and reading one back whole. */
final class CompletionRows {
    private static final String KEY_COLUMNS = "run_id, variant, target, target_kind, model, case_id, sample";
    private static final String ROW_COLUMNS = "id, " + KEY_COLUMNS
            + ", extracted, expected, grade, failure, finish_reason, created_at";
    private static final String ALL_COLUMNS = ROW_COLUMNS + ", request, response, reasoning, tokens, "
            + "prompt_tokens, completion_tokens, reasoning_tokens, first_token_ms, total_ms, thinking_ms";
    private static final String INSERT = "INSERT INTO completions (" + KEY_COLUMNS + ", request, response, "
            + "reasoning, tokens, extracted, expected, grade, failure, finish_reason, prompt_tokens, "
            + "completion_tokens, reasoning_tokens, first_token_ms, total_ms, created_at, thinking_ms) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** The most completions of one case read back at once: many re-evaluations, each with many samples. */
    static final int CASE_LIMIT = 1_000;
    private static final String GRID_ORDER = " ORDER BY variant, target, case_id, sample, id";

    private CompletionRows() {
    }

    /** Inserts the completions with one prepared statement; returns their ids in the same order. */
    static List<Long> insert(Connection connection, List<CompletionRecord> completions) throws SQLException {
        List<Long> ids = new ArrayList<>(completions.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (CompletionRecord completion : completions) {
                bind(insert, completion);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ids.add(keys.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement insert, CompletionRecord c) throws SQLException {
        RunCompletionKey key = c.key();
        insert.setString(1, key.runId());
        insert.setString(2, key.variant());
        insert.setString(3, key.target().endpoint());
        insert.setString(4, key.target().kind().id());
        insert.setString(5, key.target().model());
        insert.setString(6, key.caseId());
        insert.setInt(7, key.sample());
        insert.setString(8, HistoryJson.write(c.request()));
        insert.setString(9, c.text());
        insert.setString(10, c.reasoning());
        insert.setString(11, TokensJson.write(c.tokens()));
        insert.setString(12, c.extracted());
        insert.setString(13, c.expected());
        insert.setString(14, c.grade().id());
        insert.setString(15, c.failure());
        insert.setString(16, c.finishReason() == null ? null : c.finishReason().name());
        Usage usage = c.usage();
        setInteger(insert, 17, usage == null ? null : usage.promptTokens());
        setInteger(insert, 18, usage == null ? null : usage.completionTokens());
        setInteger(insert, 19, usage == null ? null : usage.reasoningTokens());
        Timings timings = c.timings();
        setDouble(insert, 20, timings == null ? null : timings.firstTokenMillis());
        setDouble(insert, 21, timings == null ? null : timings.totalMillis());
        insert.setLong(22, c.createdAt().toEpochMilli());
        setDouble(insert, 23, timings == null ? null : timings.thinkingMillis());
    }

    static Page<CompletionRow> list(Connection connection, CompletionFilter filter) throws SQLException {
        SqlWhere where = where(filter);
        List<CompletionRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ROW_COLUMNS + " FROM completions"
                + where.sql() + GRID_ORDER + " LIMIT ? OFFSET ?")) {
            int next = where.bind(select);
            select.setInt(next, filter.limit());
            select.setInt(next + 1, filter.offset());
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(readRow(found));
                }
            }
        }
        return new Page<>(rows, filter.offset(), count(connection, where));
    }

    static Optional<StoredCompletion> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ALL_COLUMNS + " FROM completions WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet found = select.executeQuery()) {
                return found.next() ? Optional.of(readWhole(found)) : Optional.empty();
            }
        }
    }

    static List<StoredCompletion> ofRun(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ALL_COLUMNS + " FROM completions"
                + " WHERE run_id = ?" + GRID_ORDER)) {
            select.setString(1, runId);
            List<StoredCompletion> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(readWhole(rows));
                }
            }
            return found;
        }
    }

    static List<StoredCompletion> ofCase(Connection connection, CaseQuery query) throws SQLException {
        // The runs of one set's task are few; completions_by_cell then finds the case within each.
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ALL_COLUMNS + " FROM completions"
                + " WHERE run_id IN (SELECT id FROM runs WHERE set_file IS ? AND task IS ?)"
                + " AND variant = ? AND target = ? AND case_id = ? AND model = ? ORDER BY id DESC LIMIT ?")) {
            select.setString(1, query.promptSetFile());
            select.setString(2, query.task());
            select.setString(3, query.variant());
            select.setString(4, query.endpoint());
            select.setString(5, query.caseId());
            select.setString(6, query.model());
            select.setInt(7, CASE_LIMIT);
            List<StoredCompletion> found = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(readWhole(rows));
                }
            }
            return found;
        }
    }

    private static SqlWhere where(CompletionFilter filter) {
        SqlWhere where = new SqlWhere().and("run_id = ?", filter.runId());
        if (filter.variant() != null) {
            where.and("variant = ?", filter.variant());
        }
        if (filter.target() != null) {
            where.and("target = ?", filter.target());
        }
        if (filter.caseId() != null) {
            where.and("case_id = ?", filter.caseId());
        }
        if (filter.grade() != null) {
            where.and("grade = ?", filter.grade().id());
        }
        return where;
    }

    private static long count(Connection connection, SqlWhere where) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM completions" + where.sql())) {
            where.bind(select);
            try (ResultSet found = select.executeQuery()) {
                found.next();
                return found.getLong(1);
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

    private static CompletionRow readRow(ResultSet row) throws SQLException {
        return new CompletionRow(row.getLong("id"), readKey(row), row.getString("extracted"),
                row.getString("expected"), grade(row.getString("grade")), row.getString("failure"),
                finishReason(row.getString("finish_reason")), Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private static StoredCompletion readWhole(ResultSet row) throws SQLException {
        Usage usage = new Usage(getInteger(row, "prompt_tokens"), getInteger(row, "completion_tokens"),
                getInteger(row, "reasoning_tokens"));
        Double total = getDouble(row, "total_ms");
        Timings timings = total == null ? null
                : new Timings(getDouble(row, "first_token_ms"), total, getDouble(row, "thinking_ms"));
        boolean noUsage = usage.promptTokens() == null && usage.completionTokens() == null
                && usage.reasoningTokens() == null;
        CompletionRecord record = new CompletionRecord(readKey(row), HistoryJson.request(row.getString("request")),
                row.getString("response"), row.getString("reasoning"), TokensJson.read(row.getString("tokens")),
                row.getString("extracted"), row.getString("expected"), grade(row.getString("grade")),
                row.getString("failure"), finishReason(row.getString("finish_reason")), noUsage ? null : usage,
                timings, Instant.ofEpochMilli(row.getLong("created_at")));
        return new StoredCompletion(row.getLong("id"), record);
    }

    private static ProviderKind kind(String id) {
        return ProviderKind.parse(id).orElseThrow(() -> new HistoryException("unknown endpoint kind in history: "
                + id));
    }

    private static @Nullable FinishReason finishReason(@Nullable String name) {
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

    private static void setDouble(PreparedStatement statement, int index, @Nullable Double value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    static @Nullable Integer getInteger(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static @Nullable Double getDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
