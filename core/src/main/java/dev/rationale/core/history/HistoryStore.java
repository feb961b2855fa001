// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.storage.GroupCommit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The run history of one workspace, in SQLite at {@code WORKSPACE/.rationale/history.db}.
 *
 * <p>How a runner records a run: {@link #startRun} once, {@link #record} (or {@link #recordAll}) for every
 * completion as it finishes, then {@link #finishRun}. Every method is safe to call from any thread: the store has
 * one connection, and calls on it are serialised, so none is lost. What a call stores is committed, visible to
 * readers (other stores on the same file, another process), when it returns. Concurrent {@code record} calls share
 * commits ({@link GroupCommit}), so
 * many workers recording at once cost a commit per batch, not per completion; a worker that finishes many
 * completions at once should pass them to {@code recordAll}, which stores them in one transaction.
 *
 * <p>Every method blocks on disk I/O and throws {@link HistoryException} when the database cannot be read or
 * written. Close the store when done; it is not usable afterwards.
 */
public final class HistoryStore implements AutoCloseable {
    /** The hidden folder in a workspace that holds the database. */
    public static final String FOLDER = ".rationale";
    /** The database's file name in {@link #FOLDER}. */
    public static final String FILE_NAME = "history.db";

    private final HistoryDatabase database;
    // An evaluation's workers each record as they finish: their records share commits instead of queueing for one
    // each.
    private final GroupCommit<CompletionRecord, Long> commits = new GroupCommit<>(this::recordAll);

    private final CompletionRecorder recorder = new CompletionRecorder();

    private HistoryStore(HistoryDatabase database) {
        this.database = database;
        database.afterRollback(recorder::forgetCells);
    }

    /** Where the history of {@code workspace} lives, whether or not it exists yet. */
    public static Path databaseFile(Path workspace) {
        return workspace.resolve(FOLDER).resolve(FILE_NAME);
    }

    /** Whether {@code workspace} has a history yet; opening one creates it. */
    public static boolean exists(Path workspace) {
        return Files.isRegularFile(databaseFile(workspace));
    }

    /** Opens the history of {@code workspace}, creating the folder and database or migrating an older one. */
    public static HistoryStore open(Path workspace) {
        return openFile(databaseFile(workspace));
    }

    /** Opens (creating or migrating) the database in {@code file}; for tests and tools. */
    public static HistoryStore openFile(Path file) {
        return openFile(file, Migrations.HISTORY);
    }

    static HistoryStore openFile(Path file, Migrations migrations) {
        return new HistoryStore(HistoryDatabase.open(file, migrations));
    }

    public Path file() {
        return database.file();
    }

    /**
     * Stores a new run, usually {@link Run#started}.
     *
     * @throws HistoryException when a run with its id is already stored
     */
    public void startRun(Run run) {
        database.write(connection -> {
            RunRows.insert(connection, run);
            return null;
        });
    }

    /**
     * Marks a run ended with {@code status}.
     *
     * @throws HistoryException when no run has that id
     */
    public void finishRun(String runId, RunStatus status, Instant finishedAt) {
        boolean found = database.write(connection -> RunRows.finish(connection, runId, status, finishedAt));
        if (!found) {
            throw new HistoryException("no run " + runId + " in " + file());
        }
    }

    /**
     * Keeps {@code batch} as one of the run's provider batches, replacing what was kept of it before.
     *
     * @throws HistoryException when no run has that id
     */
    public void recordBatch(String runId, RunBatch batch) {
        database.write(connection -> {
            RunBatchRows.upsert(connection, runId, batch);
            return null;
        });
    }

    /** The run's provider batches in the order they were first kept; empty for a run that used none. */
    public List<RunBatch> batches(String runId) {
        return database.read(connection -> RunBatchRows.of(connection, runId));
    }

    /**
     * Stores one completion and adds it to its run's counts, in one transaction. Thread-safe.
     *
     * @return the completion's id, for {@link #completion}
     * @throws HistoryException when its run is not stored
     */
    public long record(CompletionRecord completion) {
        return commits.submit(completion);
    }

    /**
     * Stores completions, all or none, in one transaction with one prepared statement; much faster than a
     * {@link #record} each when there are many. Thread-safe.
     *
     * @return their ids, in the order given
     */
    public List<Long> recordAll(List<CompletionRecord> completions) {
        if (completions.isEmpty()) {
            return List.of();
        }
        Map<String, Tally> added = new LinkedHashMap<>();
        for (CompletionRecord completion : completions) {
            added.merge(completion.key().runId(), Tally.ZERO.plus(completion.grade()), Tally::add);
        }
        return database.write(connection -> {
            List<Long> ids = recorder.insert(connection, completions);
            recorder.count(connection, added);
            return ids;
        });
    }

    /**
     * Stores a run that has already ended together with its completions, all or none, in one transaction: what a
     * single prompt run keeps, so that no half-written run is left when the write fails. Its counts come from the
     * completions, whatever {@code run}'s tally says. Thread-safe.
     *
     * @return the completions' ids, in the order given
     * @throws HistoryException when a run with its id is already stored
     */
    public List<Long> recordRun(Run run, List<CompletionRecord> completions) {
        Tally counted = completions.stream().map(c -> Tally.ZERO.plus(c.grade())).reduce(Tally.ZERO, Tally::add);
        return database.write(connection -> {
            RunRows.insert(connection, new Run(run.id(), run.kind(), run.status(), run.startedAt(),
                    run.finishedAt(), run.promptSetFile(), run.promptSetName(), run.task(), run.variants(),
                    run.targets(), run.settings(), run.appVersion(), run.planned(), counted, run.scope()));
            return recorder.insert(connection, completions);
        });
    }

    public Optional<Run> run(String runId) {
        return database.read(connection -> RunRows.find(connection, runId));
    }

    /** Runs matching the filter, newest first. */
    public Page<Run> runs(RunFilter filter) {
        return database.read(connection -> RunRows.list(connection, filter));
    }

    /** A run's completions matching the filter, in grid order (variant, target, case, sample). */
    public Page<CompletionRow> completions(CompletionFilter filter) {
        return database.read(connection -> CompletionListing.list(connection, filter));
    }

    /** One completion whole: request, texts, tokens, usage and timings. */
    public Optional<StoredCompletion> completion(long id) {
        return database.read(connection -> CompletionRows.find(connection, id));
    }

    /**
     * Every completion of a run whole, in the grid's order (variant, target, case, sample), in one query. Holds the
     * whole run in memory: to walk a large run use {@link #forEachCompletion}.
     */
    public List<StoredCompletion> completionsOfRun(String runId) {
        return database.read(connection -> CompletionRows.ofRun(connection, runId));
    }

    /**
     * Hands every completion of a run whole to {@code action}, in the grid's order (variant, target, case,
     * sample), as it reads them from one forward cursor: memory stays flat however large the run. The store is held
     * until the walk ends, so {@code action} must not call it (another store on the same file may write meanwhile);
     * an exception from {@code action} ends the walk and reaches the caller.
     */
    public void forEachCompletion(String runId, Consumer<StoredCompletion> action) {
        database.read(connection -> {
            CompletionRows.forEach(connection, runId, action);
            return null;
        });
    }

    /**
     * As {@link #forEachCompletion}, without each completion's request, which is the costly part to read: for
     * tables of results.
     */
    public void forEachResult(String runId, Consumer<StoredResult> action) {
        database.read(connection -> {
            CompletionRows.forEachResult(connection, runId, action);
            return null;
        });
    }

    /**
     * As {@link #forEachResult}, for a pass over a run that needs every completion's grade but the texts only of
     * those with scored tokens: the others' are skipped unread, so it costs about half.
     */
    public void forEachGrade(String runId, Consumer<StoredGrade> action) {
        database.read(connection -> {
            CompletionRows.forEachGrade(connection, runId, action);
            return null;
        });
    }

    /**
     * Every stored completion of one case, from every run of its prompt set's task, whole and newest first (at most
     * 1,000).
     */
    public List<StoredCompletion> completionsOfCase(CaseQuery query) {
        return database.read(connection -> CompletionRows.ofCase(connection, query));
    }

    /**
     * A run's completions counted per variant x target, in the order the cells were first recorded, with pass@k,
     * maj@k and cons@k; the counts are kept, the figures need a walk over the run (a second or so for a million
     * completions, in constant memory).
     */
    public List<CellTally> cells(String runId) {
        return database.read(connection -> RunReports.cells(connection, runId, true));
    }

    /** The scores of each cell of a run whose answer format scores (chrF, a judge, tests); empty otherwise. */
    public List<RunCellScores> cellScores(String runId) {
        return database.read(connection -> GradingRows.present(connection) ? GradingRows.cellScores(connection, runId)
                : List.of());
    }

    /** As {@link #cells} without pass@k, maj@k and cons@k ({@link CellTally#atK} empty): at once, whatever the run. */
    public List<CellTally> cellTallies(String runId) {
        return database.read(connection -> RunReports.cells(connection, runId, false));
    }

    /** Every grid position of run A or run B with its grade in each, in grid order; for small runs. */
    public List<CaseComparison> compare(String runA, String runB) {
        List<CaseComparison> positions = new ArrayList<>();
        compare(runA, runB, positions::add);
        return positions;
    }

    /**
     * Hands {@code action} every grid position of run A or run B with its grade in each, in grid order (variant,
     * target, case, sample), as two forward cursors read them: memory stays flat however large the runs. As with
     * {@link #forEachCompletion}, {@code action} must not call this store.
     */
    public void compare(String runA, String runB, Consumer<CaseComparison> action) {
        database.read(connection -> {
            RunReports.compare(connection, runA, runB, action);
            return null;
        });
    }

    /** Deletes a run and all its completions; false when there was no such run. */
    public boolean deleteRun(String runId) {
        return database.write(connection -> {
            recorder.forgetCells();
            return RunRows.delete(connection, runId);
        });
    }

    @Override
    public void close() {
        try {
            database.read(connection -> {
                recorder.close();
                return null;
            });
        } finally {
            database.close();
        }
    }
}
