// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code pair_verdicts} table: a pairwise judge's verdict on two completions, with both requests and replies.
 * One row per pair and judge; judging a pair again with the same judge replaces it. Deleting either completion
 * (its run) deletes the verdict.
 */
final class PairVerdictRows {
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE pair_verdicts (
                first_id INTEGER NOT NULL REFERENCES completions(id) ON DELETE CASCADE,
                second_id INTEGER NOT NULL REFERENCES completions(id) ON DELETE CASCADE,
                judge TEXT NOT NULL,
                outcome TEXT NOT NULL,
                inconsistent INTEGER NOT NULL,
                note TEXT NOT NULL,
                as_shown_request TEXT NOT NULL,
                as_shown_reply TEXT NOT NULL,
                swapped_request TEXT NOT NULL,
                swapped_reply TEXT NOT NULL,
                judged_at TEXT NOT NULL,
                PRIMARY KEY (first_id, second_id, judge))""",
            "CREATE INDEX pair_verdicts_second ON pair_verdicts(second_id)");

    private static final String COLUMNS = "first_id, second_id, judge, outcome, inconsistent, note, as_shown_request,"
            + " as_shown_reply, swapped_request, swapped_reply, judged_at";

    private PairVerdictRows() {
    }

    static void upsert(Connection connection, PairVerdictRecord verdict) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO pair_verdicts ("
                + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, verdict.first());
            insert.setLong(2, verdict.second());
            insert.setString(3, verdict.judge());
            insert.setString(4, verdict.outcome());
            insert.setInt(5, verdict.inconsistent() ? 1 : 0);
            insert.setString(6, verdict.note());
            insert.setString(7, verdict.asShownRequest());
            insert.setString(8, verdict.asShownReply());
            insert.setString(9, verdict.swappedRequest());
            insert.setString(10, verdict.swappedReply());
            insert.setString(11, verdict.judgedAt().toString());
            insert.executeUpdate();
        }
    }

    /** The verdicts on completion {@code id}, on either side, oldest first. */
    static List<PairVerdictRecord> of(Connection connection, long id) throws SQLException {
        List<PairVerdictRecord> verdicts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM pair_verdicts"
                + " WHERE first_id = ? OR second_id = ? ORDER BY judged_at, first_id, second_id")) {
            select.setLong(1, id);
            select.setLong(2, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    verdicts.add(new PairVerdictRecord(row.getLong(1), row.getLong(2), row.getString(3),
                            row.getString(4), row.getInt(5) != 0, row.getString(6), row.getString(7),
                            row.getString(8), row.getString(9), row.getString(10), Instant.parse(row.getString(11))));
                }
            }
        }
        return verdicts;
    }
}
