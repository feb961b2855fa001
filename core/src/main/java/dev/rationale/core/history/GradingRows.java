// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.grading.CellScores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code gradings} table: beside a completion graded by a score, the score, why, and what was exchanged to
 * reach it (the judge's prompt and reply, the program run and its output). Most completions have no row.
 */
final class GradingRows {
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE gradings (
                completion_id INTEGER PRIMARY KEY REFERENCES completions(id) ON DELETE CASCADE,
                grader TEXT NOT NULL,
                score REAL,
                note TEXT,
                request TEXT,
                reply TEXT)""");

    private static final String INSERT = "INSERT OR REPLACE INTO gradings (completion_id, grader, score, note, "
            + "request, reply) VALUES (?, ?, ?, ?, ?, ?)";

    private GradingRows() {
    }

    /** Whether the table exists (migration 9 ran). */
    static boolean present(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet tables = sql.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        + " AND name = 'gradings'")) {
            return tables.next();
        }
    }

    /** A statement that {@link #bind binds} one row; the caller executes and closes it. */
    static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(INSERT);
    }

    static void bind(PreparedStatement insert, long completionId, GradeDetail detail) throws SQLException {
        insert.setLong(1, completionId);
        insert.setString(2, detail.grader());
        if (detail.score() == null) {
            insert.setNull(3, Types.REAL);
        } else {
            insert.setDouble(3, detail.score());
        }
        insert.setString(4, detail.note());
        insert.setString(5, detail.request());
        insert.setString(6, detail.reply());
    }

    /** The grading kept beside completion {@code id}, or null. */
    static @Nullable GradeDetail find(PreparedStatement select, long id) throws SQLException {
        select.setLong(1, id);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            double value = row.getDouble(2);
            Double score = row.wasNull() ? null : value;
            return new GradeDetail(row.getString(1), score, row.getString(3),
                    row.getString(4), row.getString(5));
        }
    }

    /**
     * The scores of each cell of run {@code runId} graded by a score, summed from its gradings as an evaluation
     * sums them ({@link CellScores}); in the order the cells were made.
     */
    static List<RunCellScores> cellScores(Connection connection, String runId) throws SQLException {
        Map<Long, RunCellScores> byCell = new LinkedHashMap<>();
        Map<Long, CellScores> sums = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT k.id, k.variant, k.target, k.target_kind, k.model, g.grader, g.score, g.note, c.extracted,
                    c.expected, c.grade
                FROM gradings g JOIN completions c ON c.id = g.completion_id JOIN completion_cells k ON k.id = c.cell
                WHERE k.run_id = ? ORDER BY k.id, c.id""")) {
            select.setString(1, runId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long cell = row.getLong(1);
                    String grader = row.getString(6);
                    double value = row.getDouble(7);
                    Double score = row.wasNull() ? null : value;
                    sums.computeIfAbsent(cell, c -> CellScores.forGrader(grader)).add(
                            new GradeDetail(grader, score, row.getString(8), null, null),
                            CompletionRows.grade(row.getString(11)), row.getString(9), row.getString(10));
                    if (!byCell.containsKey(cell)) {
                        RunTarget target = new RunTarget(row.getString(3), CompletionRows.kind(row.getString(4)),
                                row.getString(5));
                        byCell.put(cell, new RunCellScores(row.getString(2), target, CellScores.forGrader(grader)
                                .summary()));
                    }
                }
            }
        }
        List<RunCellScores> cells = new ArrayList<>();
        byCell.forEach((cell, first) -> cells.add(new RunCellScores(first.variant(), first.target(),
                sums.get(cell).summary())));
        return cells;
    }

    /** A statement for {@link #find}. */
    static PreparedStatement prepareFind(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT grader, score, note, request, reply FROM gradings"
                + " WHERE completion_id = ?");
    }
}
