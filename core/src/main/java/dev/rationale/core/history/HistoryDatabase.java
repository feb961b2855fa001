// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;

/**
 * The store's one SQLite connection and the lock that serialises every use of it: a JDBC connection is not safe
 * for concurrent use, and SQLite writes one transaction at a time anyway. Writes run in a transaction that takes
 * the write lock at once ({@code BEGIN IMMEDIATE}), so another process writing the same file makes us wait
 * (up to the busy timeout) instead of failing half-way.
 */
final class HistoryDatabase implements AutoCloseable {
    // The app and a CLI command may hold the same workspace's history at once; wait for the other writer.
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** Work on the connection; may throw the driver's exception, which the database wraps once. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private Runnable afterRollback = () -> { };
    // Transactions by hand, on a connection left in auto-commit mode: the driver's own (auto-commit off, commit,
    // auto-commit on) parses and runs BEGIN, COMMIT, BEGIN again and COMMIT again for every write.
    private @Nullable PreparedStatement begin;
    private @Nullable PreparedStatement commit;
    private @Nullable PreparedStatement rollback;

    private HistoryDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static HistoryDatabase open(Path file, Migrations migrations) {
        @Nullable Connection connection = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            connection = config().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
            migrations.apply(connection);
            return new HistoryDatabase(file, connection);
        } catch (IOException | SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof HistoryException known) {
                throw new HistoryException(file + ": " + known.getMessage(), e);
            }
            throw new HistoryException("cannot open the history database " + file + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        // WAL lets readers (the History screen) go on while the runner writes.
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits, a crash loses none.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    /** Runs {@code action} under the lock whenever a write is rolled back: what it created is gone. */
    void afterRollback(Runnable action) {
        this.afterRollback = action;
    }

    Path file() {
        return file;
    }

    /** Runs read-only work under the lock. */
    <T> T read(Work<T> work) {
        lock.lock();
        try {
            return work.on(connection);
        } catch (SQLException e) {
            throw failure("read", e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs work under the lock in one transaction: all of it is stored, or none of it. */
    <T> T write(Work<T> work) {
        lock.lock();
        try {
            if (begin == null) {
                begin = connection.prepareStatement("BEGIN IMMEDIATE");
                commit = connection.prepareStatement("COMMIT");
                rollback = connection.prepareStatement("ROLLBACK");
            }
            begin.executeUpdate();
            try {
                T result = work.on(connection);
                commit.executeUpdate();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("write", e);
        } finally {
            lock.unlock();
        }
    }

    // SQLite may have rolled the transaction back itself (e.g. a full disk): then ROLLBACK has nothing to undo.
    private void rollBack(Exception cause) {
        try {
            rollback.executeUpdate();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        afterRollback.run();
    }

    private HistoryException failure(String action, SQLException e) {
        return new HistoryException("cannot " + action + " the history database " + file + ": " + e.getMessage(),
                e);
    }

    @Override
    public void close() {
        lock.lock();
        try (connection; PreparedStatement b = begin; PreparedStatement c = commit; PreparedStatement r = rollback) {
            // closed in the reverse order: the statements, then the connection
        } catch (SQLException e) {
            throw failure("close", e);
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(@Nullable Connection connection, Exception failure) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
