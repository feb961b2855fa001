// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.GradeDetail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
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

    /** A statement for {@link #find}. */
    static PreparedStatement prepareFind(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT grader, score, note, request, reply FROM gradings"
                + " WHERE completion_id = ?");
    }
}
