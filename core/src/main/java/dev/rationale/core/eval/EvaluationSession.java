// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.history.RunScope;
import dev.rationale.core.provider.Cancellable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One evaluation from start to end, as the app and {@code rationale eval} both run it: the results file opened new
 * or resumed, a history run beside it, the {@link EvaluationRunner} started on the plan's missing completions, every
 * finished completion counted ({@link #tally()}) and recorded, and at the end the history run marked completed,
 * cancelled or failed and both files closed.
 *
 * <p>Use: {@link #open}, then {@link #start} once; {@link #cancel} at any time from any thread; wait with
 * {@link #await} or chain on {@link #ended}. {@link #close} (or try-with-resources) makes sure the files are closed
 * when the session never started or its caller gave up early; after the end it does nothing.
 *
 * <p>The listener given to {@link #start} hears each completion after the tally counted it and the history was
 * handed it, on the runner's threads (see {@link EvalListener}); the history stores it a moment later, on a thread
 * of its own, and has stored everything by the time {@link #ended} completes, on a runner thread.
 */
public final class EvaluationSession implements Cancellable, AutoCloseable {

    /**
     * Where and how a session keeps its history run.
     *
     * @param workspace the folder whose {@code .rationale/history.db} keeps the run
     * @param setFile the prompt set's file as the run names it; null for a set never saved
     * @param scope what the plan was built over, so that the run can be run again
     * @param clock stamps the run and its completions
     */
    public record History(Path workspace, @Nullable Path setFile, RunScope scope, Clock clock) {
    }

    private final EvalPlan plan;
    private final ResultsFile results;
    private final @Nullable HistoryWriter history;
    private final EvalTally tally;
    private final CompletableFuture<EvalOutcome> ended = new CompletableFuture<>();
    private final AtomicBoolean historyEnded = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile @Nullable RunningEvaluation running;
    private volatile boolean cancelled;

    private EvaluationSession(EvalPlan plan, ResultsFile results, @Nullable HistoryWriter history) {
        this.plan = plan;
        this.results = results;
        this.history = history;
        this.tally = EvalTally.of(plan, results);
    }

    /**
     * Opens a session of {@code plan}: the results file at {@code resultsFile}, emptied or (with {@code resume})
     * read to be continued, on the calling thread; and a new history run when {@code history} is given, opened and
     * written on a thread of its own, so that neither the first requests nor the endpoint's next ones wait for the
     * database. A history that cannot be opened or written ends the run at the next completion (kept in the results
     * file), and {@link #ended} says why.
     *
     * @param history where to keep the history run; null keeps none
     * @throws dev.rationale.core.RationaleException when the results file cannot be opened
     */
    public static EvaluationSession open(EvalPlan plan, Path resultsFile, boolean resume, @Nullable History history) {
        ResultsFile results = resume ? ResultsFile.resume(resultsFile) : ResultsFile.create(resultsFile);
        return new EvaluationSession(plan, results, history == null ? null : HistoryWriter.start(plan, history));
    }

    /**
     * Starts the runner ({@link EvaluationRunner}, or a batch runner) on the plan's completions the results file does
     * not hold answered, and returns at once.
     *
     * @param listener hears each completion after the tally and the history
     * @throws IllegalStateException when the session was started or closed before
     * @throws dev.rationale.core.provider.ProviderException when a provider cannot be made for an endpoint; the
     *     history run is then marked failed and the session closed
     */
    public RunningEvaluation start(PlanRunner runner, EvalOptions options, EvalListener listener) {
        if (running != null || closed.get()) {
            throw new IllegalStateException("an evaluation session starts once");
        }
        EvalListener recorded = history == null ? tally : EvalListener.both(tally, history);
        RunningEvaluation started;
        try {
            started = runner.start(plan, results, options, EvalListener.both(recorded, listener));
        } catch (RuntimeException e) {
            end(null, e);
            throw e;
        }
        running = started;
        if (cancelled) {
            started.cancel();
        }
        started.outcome().whenComplete(this::end);
        return started;
    }

    private void end(@Nullable EvalOutcome outcome, @Nullable Throwable error) {
        Throwable failure = error instanceof CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : error;
        try {
            endHistory(failure != null || outcome == null ? null : outcome.cancelled());
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            close();
        }
        if (failure != null) {
            ended.completeExceptionally(failure);
        } else {
            ended.complete(outcome);
        }
    }

    // Null for a run that failed; marked once, whoever gets here first.
    private void endHistory(@Nullable Boolean cancelledRun) {
        if (history == null || !historyEnded.compareAndSet(false, true)) {
            return;
        }
        if (cancelledRun == null) {
            history.fail();
        } else {
            history.finish(cancelledRun);
        }
    }

    /** Stops the run (see {@link RunningEvaluation#cancel}); before {@link #start}, it will stop as it starts. */
    @Override
    public void cancel() {
        cancelled = true;
        RunningEvaluation started = running;
        if (started != null) {
            started.cancel();
        }
    }

    /**
     * Completes once the run has ended, its history run is marked and the files are closed: with the outcome, or
     * exceptionally when the results could not be written or the history could not be marked.
     */
    public CompletionStage<EvalOutcome> ended() {
        return ended.copy();
    }

    /**
     * Waits for {@link #ended}.
     *
     * @throws java.io.UncheckedIOException when the results file could not be written
     * @throws InterruptedException when the waiting thread is interrupted (the run goes on; cancel it)
     */
    public EvalOutcome await() throws InterruptedException {
        return RunningEvaluation.awaited(ended);
    }

    /** The progress of this session, counted from the results file it opened. */
    public EvalTally tally() {
        return tally;
    }

    /** The results file's path. */
    public Path resultsPath() {
        return results.path();
    }

    /** The history run's id; null when the session keeps no history. */
    public @Nullable String historyRunId() {
        return history == null ? null : history.runId();
    }

    /**
     * Closes the results file and the history. A session closed before its run ended (or never started) marks its
     * history run failed; after the end this does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            endHistory(null);
        } finally {
            results.close();
            if (history != null) {
                history.close();
            }
        }
    }
}
