// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalOptions;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.PlanRunner;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.RunningEvaluation;
import dev.rationale.core.provider.batch.BatchApi;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs an evaluation through the providers' batch APIs instead of sending its requests one by one.
 *
 * <p><b>Submitting.</b> The plan's completions the results file does not hold answered are rendered as
 * {@link dev.rationale.core.eval.EvaluationRunner} would send them on the target's provider (one request per
 * sample), gathered per target into batches within the provider's limits ({@link BatchSplit}), and submitted. Each
 * batch's id, API and completions go into the results file as a {@link BatchRecord} line at once.
 *
 * <p><b>Waiting.</b> The open batches are polled every {@link BatchOptions#pollInterval}; a changed state is
 * written as a new line and told to the listener ({@link EvalListener#batchChanged}). An ended batch's answers are
 * graded like any evaluation's and appended, each record naming its batch ({@code SampleRecord#batch}); its
 * requests the provider returned nothing for (expired, cancelled, lost) are recorded failed with the reason, so
 * that a resume sends only them again.
 *
 * <p><b>Resuming.</b> When the results file has batches not yet imported, a run polls and imports them instead of
 * submitting anything; once every batch is imported, it submits what is still missing or failed. The plan must be
 * the one the batches were made for (same completions), or the run is refused.
 *
 * <p><b>Stopping.</b> {@link RunningEvaluation#cancel} stops waiting and leaves the batches running at the provider
 * (a resume collects them). {@link #cancelBatches} cancels them at the provider; the run then waits for them to end
 * and imports what they had finished.
 */
public final class BatchRunner implements PlanRunner {
    private final Function<Endpoint, BatchApi> apis;
    private final BatchOptions options;
    private volatile @Nullable BatchRun current;
    private final GradingContext grading;

    /**
     * @param apis the batch API of an endpoint, e.g. {@code ProviderFactory::batchApi}; it throws for an endpoint
     *     that has none
     */
    public BatchRunner(Function<Endpoint, BatchApi> apis, BatchOptions options) {
        this(apis, options, GradingContext.NONE);
    }

    /**
     * @param apis the batch API of an endpoint, e.g. {@code ProviderFactory::batchApi}; it throws for an endpoint
     *     that has none
     * @param grading the judge and the code runner of answer formats that score, used as the answers come back
     */
    public BatchRunner(Function<Endpoint, BatchApi> apis, BatchOptions options, GradingContext grading) {
        this.apis = apis;
        this.options = options;
        this.grading = grading;
    }

    /**
     * Starts the run on a thread of its own and returns at once.
     *
     * @throws RationaleException when the results file's batches were made for another plan, or a target's endpoint
     *     has no batch API
     */
    @Override
    public RunningEvaluation start(EvalPlan plan, ResultsFile results, EvalOptions evalOptions,
            EvalListener listener) {
        List<BatchRecord> previous = results.previousBatches().stream()
                .filter(b -> b.task().equals(plan.taskId())).toList();
        for (BatchRecord batch : previous) {
            if (batch.planned() != plan.totalCompletions()) {
                throw new RationaleException("the batches in " + results.path() + " were made for an evaluation of "
                        + batch.planned() + " completions, this one has " + plan.totalCompletions()
                        + ": resume with the same variants, models, samples and cases");
            }
        }
        RunningEvaluation handle = new RunningEvaluation();
        BatchRun run = new BatchRun(plan, results, apis, options, listener, handle, previous, grading);
        current = run;
        Thread.ofVirtual().name("batch-evaluation").start(() -> {
            try {
                EvalOutcome outcome = run.run();
                handle.complete(outcome);
            } catch (RuntimeException | Error e) {
                handle.cancel();
                handle.fail(e);
            }
        });
        return handle;
    }

    /**
     * Cancels the current run's batches at the provider; the run goes on until they have ended and their finished
     * answers are imported. Does nothing before {@link #start}.
     */
    public void cancelBatches() {
        BatchRun run = current;
        if (run != null) {
            run.cancelBatches();
        }
    }

    /** Whether a results file holds batches whose answers are not imported yet: a resume of it polls them. */
    public static boolean hasOpenBatches(Path resultsFile) {
        return !ResultsFile.openBatches(resultsFile).isEmpty();
    }
}
