// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code run_batches} table: a run's provider batches, one row each, the latest state kept. */
final class RunBatchRows {
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE run_batches (
                run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                batch_id TEXT NOT NULL,
                api TEXT NOT NULL,
                target TEXT NOT NULL,
                state TEXT NOT NULL,
                requests INTEGER NOT NULL,
                finished INTEGER NOT NULL,
                failed INTEGER NOT NULL,
                imported INTEGER NOT NULL,
                PRIMARY KEY (run_id, batch_id))""");

    private RunBatchRows() {
    }

    static void upsert(Connection connection, String runId, RunBatch batch) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                INSERT INTO run_batches (run_id, batch_id, api, target, state, requests, finished, failed, imported)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, batch_id) DO UPDATE SET state = excluded.state, finished = excluded.finished,
                    failed = excluded.failed, imported = excluded.imported""")) {
            statement.setString(1, runId);
            statement.setString(2, batch.batch());
            statement.setString(3, batch.api());
            statement.setString(4, batch.target());
            statement.setString(5, batch.state());
            statement.setInt(6, batch.requests());
            statement.setInt(7, batch.finished());
            statement.setInt(8, batch.failed());
            statement.setInt(9, batch.imported() ? 1 : 0);
            statement.executeUpdate();
        }
    }

    static List<RunBatch> of(Connection connection, String runId) throws SQLException {
        List<RunBatch> batches = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT batch_id, api, target, state, requests, finished, failed, imported FROM run_batches
                WHERE run_id = ? ORDER BY rowid""")) {
            statement.setString(1, runId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    batches.add(new RunBatch(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getInt(8) != 0));
                }
            }
        }
        return batches;
    }
}
