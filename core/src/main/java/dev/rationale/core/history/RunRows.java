// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The SQL for the {@code runs} table. */
final class RunRows {
    private static final String COLUMNS = "id, kind, status, started_at, finished_at, set_file, set_name, task, "
            + "variants, targets, settings, app_version, planned, recorded, correct, wrong, no_answer, ungraded, "
            + "failed, dataset_file, case_limit, samples";
    private static final String TEXT_MATCH = "(id LIKE ? ESCAPE '\\' OR set_name LIKE ? ESCAPE '\\' "
            + "OR set_file LIKE ? ESCAPE '\\' OR task LIKE ? ESCAPE '\\' OR targets LIKE ? ESCAPE '\\')";

    private RunRows() {
    }

    static void insert(Connection connection, Run run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO runs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, run.id());
            insert.setString(2, run.kind().id());
            insert.setString(3, run.status().id());
            insert.setLong(4, run.startedAt().toEpochMilli());
            setInstant(insert, 5, run.finishedAt());
            insert.setString(6, run.promptSetFile());
            insert.setString(7, run.promptSetName());
            insert.setString(8, run.task());
            insert.setString(9, HistoryJson.write(run.variants()));
            insert.setString(10, HistoryJson.write(run.targets()));
            insert.setString(11, HistoryJson.write(run.settings()));
            insert.setString(12, run.appVersion());
            insert.setInt(13, run.planned());
            Tally tally = run.tally();
            int[] counts = {tally.total(), tally.correct(), tally.wrong(), tally.noAnswer(), tally.ungraded(),
                tally.failed()};
            for (int i = 0; i < counts.length; i++) {
                insert.setInt(14 + i, counts[i]);
            }
            insert.setString(20, run.scope().datasetFile());
            CompletionRows.setInteger(insert, 21, run.scope().caseLimit());
            CompletionRows.setInteger(insert, 22, run.scope().samples());
            insert.executeUpdate();
        }
    }

    static boolean finish(Connection connection, String runId, RunStatus status, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?")) {
            update.setString(1, status.id());
            update.setLong(2, at.toEpochMilli());
            update.setString(3, runId);
            return update.executeUpdate() == 1;
        }
    }

    /** The statement {@link #count} takes; prepare it once and keep it. */
    static PreparedStatement countStatement(Connection connection) throws SQLException {
        return connection.prepareStatement("UPDATE runs SET recorded = recorded + ?, correct = correct + ?, "
                + "wrong = wrong + ?, no_answer = no_answer + ?, ungraded = ungraded + ?, failed = failed + ? "
                + "WHERE id = ?");
    }

    /** Adds recorded completions to their runs' counts, one update per run touched. */
    static void count(PreparedStatement update, Map<String, Tally> added) throws SQLException {
        for (Map.Entry<String, Tally> entry : added.entrySet()) {
            Tally t = entry.getValue();
            update.setInt(1, t.total());
            update.setInt(2, t.correct());
            update.setInt(3, t.wrong());
            update.setInt(4, t.noAnswer());
            update.setInt(5, t.ungraded());
            update.setInt(6, t.failed());
            update.setString(7, entry.getKey());
            update.executeUpdate();
        }
    }

    static Optional<Run> find(Connection connection, String runId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM runs WHERE id = ?")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    static Page<Run> list(Connection connection, RunFilter filter) throws SQLException {
        SqlWhere where = where(filter);
        List<Run> runs = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM runs"
                + where.sql() + " ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?")) {
            int next = where.bind(select);
            select.setInt(next, filter.limit());
            select.setInt(next + 1, filter.offset());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    runs.add(read(rows));
                }
            }
        }
        return new Page<>(runs, filter.offset(), count(connection, where));
    }

    static boolean delete(Connection connection, String runId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM runs WHERE id = ?")) {
            delete.setString(1, runId);
            return delete.executeUpdate() == 1;
        }
    }

    private static SqlWhere where(RunFilter filter) {
        SqlWhere where = new SqlWhere();
        if (filter.text() != null && !filter.text().isBlank()) {
            String pattern = SqlWhere.containing(filter.text().strip());
            where.and(TEXT_MATCH, pattern, pattern, pattern, pattern, pattern);
        }
        if (filter.status() != null) {
            where.and("status = ?", filter.status().id());
        }
        if (filter.kind() != null) {
            where.and("kind = ?", filter.kind().id());
        }
        return where;
    }

    private static long count(Connection connection, SqlWhere where) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM runs" + where.sql())) {
            where.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Run read(ResultSet row) throws SQLException {
        long finished = row.getLong("finished_at");
        Instant finishedAt = row.wasNull() ? null : Instant.ofEpochMilli(finished);
        Tally tally = new Tally(row.getInt("recorded"), row.getInt("correct"), row.getInt("wrong"),
                row.getInt("no_answer"), row.getInt("ungraded"), row.getInt("failed"));
        RunScope scope = new RunScope(row.getString("dataset_file"), CompletionRows.getInteger(row, "case_limit"),
                CompletionRows.getInteger(row, "samples"));
        return new Run(row.getString("id"), RunKind.fromId(row.getString("kind")),
                RunStatus.fromId(row.getString("status")), Instant.ofEpochMilli(row.getLong("started_at")),
                finishedAt, row.getString("set_file"), row.getString("set_name"), row.getString("task"),
                HistoryJson.strings(row.getString("variants")), HistoryJson.targets(row.getString("targets")),
                HistoryJson.settings(row.getString("settings")), row.getString("app_version"),
                row.getInt("planned"), tally, scope);
    }


    private static void setInstant(PreparedStatement statement, int index, @Nullable Instant at)
            throws SQLException {
        if (at == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, at.toEpochMilli());
        }
    }
}
