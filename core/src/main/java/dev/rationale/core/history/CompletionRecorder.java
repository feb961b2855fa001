// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stores completions and adds them to their runs' counts, keeping its prepared statements and the cells it has
 * found from one transaction to the next. Preparing statements and looking up each completion's cell cost more
 * than the inserts of a small group commit (a third of recording's processor time in an evaluation at
 * concurrency 8), so they are done once per store instead of once per commit.
 *
 * <p>The cells it remembers are forgotten whenever the database may no longer hold them under the same ids: after
 * a rollback (cells created in it are gone), after this store deletes a run, and when another connection has
 * committed since this one's last transaction ({@code PRAGMA data_version}): it may have deleted a run, and SQLite
 * may give a deleted cell's id to a new one. Use only under the database's lock, always on the same connection.
 */
final class CompletionRecorder implements AutoCloseable {
    private CompletionRows.@Nullable Writer writer;
    private @Nullable PreparedStatement dataVersion;
    private @Nullable PreparedStatement runCounts;
    private long seenVersion;

    /** Inserts the completions in the transaction under way; returns their ids in the same order. */
    List<Long> insert(Connection connection, List<CompletionRecord> completions) throws SQLException {
        if (dataVersion == null) {
            dataVersion = connection.prepareStatement("PRAGMA data_version");
        }
        long version;
        try (ResultSet row = dataVersion.executeQuery()) {
            row.next();
            version = row.getLong(1);
        }
        if (writer == null) {
            writer = new CompletionRows.Writer(connection);
        } else if (version != seenVersion) {
            writer.forgetCells();
        }
        seenVersion = version;
        return writer.insertAll(completions);
    }

    /** Adds recorded completions to their runs' counts. */
    void count(Connection connection, Map<String, Tally> added) throws SQLException {
        if (runCounts == null) {
            runCounts = RunRows.countStatement(connection);
        }
        RunRows.count(runCounts, added);
    }

    /** Forgets the cells seen so far. */
    void forgetCells() {
        if (writer != null) {
            writer.forgetCells();
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement version = dataVersion; PreparedStatement counts = runCounts;
                CompletionRows.Writer kept = writer) {
            writer = null;
            dataVersion = null;
            runCounts = null;
        }
    }
}
