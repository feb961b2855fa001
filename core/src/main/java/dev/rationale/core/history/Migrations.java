// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history schema as a list of numbered steps, and how to bring a database up to date. The version a database
 * is at lives in {@code PRAGMA user_version} (0 for a new file). Missing steps run in one transaction together with
 * the version change, so a failure leaves the database exactly as it was.
 */
final class Migrations {
    static final Migrations HISTORY = new Migrations(List.of(
            new Migration(1, "runs and completions", List.of(
                    """
                    CREATE TABLE runs (
                        id TEXT PRIMARY KEY,
                        kind TEXT NOT NULL,
                        status TEXT NOT NULL,
                        started_at INTEGER NOT NULL,
                        finished_at INTEGER,
                        set_file TEXT,
                        set_name TEXT,
                        task TEXT,
                        variants TEXT NOT NULL,
                        targets TEXT NOT NULL,
                        settings TEXT NOT NULL,
                        app_version TEXT NOT NULL,
                        planned INTEGER NOT NULL DEFAULT 0,
                        recorded INTEGER NOT NULL DEFAULT 0,
                        correct INTEGER NOT NULL DEFAULT 0,
                        wrong INTEGER NOT NULL DEFAULT 0,
                        no_answer INTEGER NOT NULL DEFAULT 0,
                        ungraded INTEGER NOT NULL DEFAULT 0,
                        failed INTEGER NOT NULL DEFAULT 0)""",
                    """
                    CREATE TABLE completions (
                        id INTEGER PRIMARY KEY,
                        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        variant TEXT NOT NULL,
                        target TEXT NOT NULL,
                        target_kind TEXT NOT NULL,
                        model TEXT NOT NULL,
                        case_id TEXT NOT NULL,
                        sample INTEGER NOT NULL,
                        request TEXT NOT NULL,
                        response TEXT NOT NULL,
                        reasoning TEXT NOT NULL,
                        tokens TEXT NOT NULL,
                        extracted TEXT,
                        expected TEXT,
                        grade TEXT NOT NULL,
                        failure TEXT,
                        finish_reason TEXT,
                        prompt_tokens INTEGER,
                        completion_tokens INTEGER,
                        reasoning_tokens INTEGER,
                        first_token_ms REAL,
                        total_ms REAL,
                        created_at INTEGER NOT NULL)""")),
            new Migration(2, "indexes for listing and filtering", List.of(
                    "CREATE INDEX runs_by_start ON runs(started_at DESC, id DESC)",
                    // A plain run_id index keeps a run's rows in insertion (rowid) order: the order to resume in.
                    "CREATE INDEX completions_by_run ON completions(run_id)",
                    "CREATE INDEX completions_by_cell ON completions(run_id, variant, target, case_id, sample)",
                    "CREATE INDEX completions_by_time ON completions(created_at)")),
            // Older runs keep NULLs here: the task's own cases, all of them, each variant's own samples.
            new Migration(3, "what an evaluation ran over, to run it again", List.of(
                    "ALTER TABLE runs ADD COLUMN dataset_file TEXT",
                    "ALTER TABLE runs ADD COLUMN case_limit INTEGER",
                    "ALTER TABLE runs ADD COLUMN samples INTEGER")),
            // Older completions keep NULL: their thinking time was not measured apart.
            new Migration(4, "how long each completion thought", List.of(
                    "ALTER TABLE completions ADD COLUMN thinking_ms REAL")),
            // What a run, variant and target share is kept once per cell; the rest of a completion is packed and
            // compressed against its cell's first one. Ids are kept; LegacyCompletions moves the rows over.
            new Migration(5, "compact completions", List.of(
                    "DROP INDEX completions_by_run",
                    "DROP INDEX completions_by_cell",
                    "DROP INDEX completions_by_time",
                    "ALTER TABLE completions RENAME TO completions_v4",
                    """
                    CREATE TABLE completion_cells (
                        id INTEGER PRIMARY KEY,
                        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                        variant TEXT NOT NULL,
                        target TEXT NOT NULL,
                        target_kind TEXT NOT NULL,
                        model TEXT NOT NULL,
                        dictionary BLOB NOT NULL,
                        UNIQUE (run_id, variant, target, target_kind, model))""",
                    """
                    CREATE TABLE completions (
                        id INTEGER PRIMARY KEY,
                        cell INTEGER NOT NULL REFERENCES completion_cells(id) ON DELETE CASCADE,
                        case_id TEXT NOT NULL,
                        sample INTEGER NOT NULL,
                        grade TEXT NOT NULL,
                        extracted TEXT,
                        expected TEXT,
                        failure TEXT,
                        finish_reason TEXT,
                        created_at INTEGER NOT NULL,
                        body BLOB NOT NULL)""",
                    "CREATE INDEX completions_by_cell ON completions(cell, case_id, sample)"),
                    LegacyCompletions::convert),
            // A large run is listed a page at a time: each cell counts its completions per grade (kept by triggers,
            // so no writer can forget), and a grade's completions are found in grid order without a scan.
            new Migration(6, "counts per cell and completions by grade", CellCounts.MIGRATION),
            // A batch evaluation names the provider batches its completions came from (and were billed by).
            new Migration(7, "the provider batches of a run", RunBatchRows.MIGRATION),
            // Older completions get their counts from their bodies; none of them came through a batch.
            new Migration(8, "what each completion was billed for", CellBills.MIGRATION, CellBills::backfill),
            new Migration(9, "scores, judges' verdicts and test runs beside completions", GradingRows.MIGRATION),
            new Migration(10, "pairwise judges' verdicts beside the two completions", PairVerdictRows.MIGRATION)));

    private final List<Migration> steps;

    Migrations(List<Migration> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " is numbered "
                        + steps.get(i).version());
            }
        }
        this.steps = List.copyOf(steps);
    }

    List<Migration> steps() {
        return steps;
    }

    /** The version a database has once every step ran. */
    int latest() {
        return steps.size();
    }

    /** These steps up to and including {@code version}: the schema as an older release left it. */
    Migrations upTo(int version) {
        return new Migrations(steps.subList(0, version));
    }

    /**
     * Runs the steps the database lacks. The caller's connection must be in auto-commit mode.
     *
     * @throws HistoryException when the database is newer than this build knows
     */
    void apply(Connection connection) throws SQLException {
        if (userVersion(connection) == latest()) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            // Read again inside the write transaction: another process may have migrated in between.
            int current = userVersion(connection);
            if (current > latest()) {
                throw new HistoryException("the history database was written by a newer Rationale (schema "
                        + current + "; this version knows up to " + latest() + ")");
            }
            try (Statement statement = connection.createStatement()) {
                for (Migration step : steps.subList(current, latest())) {
                    for (String sql : step.statements()) {
                        statement.execute(sql);
                    }
                    if (step.conversion() != null) {
                        step.conversion().run(connection);
                    }
                }
                statement.execute("PRAGMA user_version = " + latest());
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
