// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.RationaleException;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends one {@link CompletionJob} and waits for it on the calling (virtual) thread.
 *
 * <p>Retrying HTTP errors is the provider's business ({@code RetryInterceptor}: 429, 5xx, refused connections,
 * before any body byte). What it cannot retry is a stream cut after tokens arrived; for an evaluation, unlike an
 * interactive run, nobody has seen those tokens, so the request is asked once more, whole, as a second attempt.
 * A second cut, or any other failure, is recorded as failed with its reason.
 */
final class JobExecutor {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private final Task task;
    private final RunningEvaluation run;
    private final SampleRecords records;
    private final Duration timeout;

    JobExecutor(Task task, RunningEvaluation run, SampleRecords records, Duration timeout) {
        this.task = task;
        this.run = run;
        this.records = records;
        this.timeout = timeout;
    }

    /**
     * What a job produced: its records, one per sample, with the request as sent and the result (both null when
     * nothing was sent).
     */
    record Executed(List<SampleRecord> records, @Nullable CompletionRequest request,
            @Nullable CompletionResult result) {

        static Executed unsent(List<SampleRecord> records) {
            return new Executed(records, null, null);
        }

        /** The result's sample behind record {@code index}, if it has one. */
        CompletionResult.@Nullable Sample sample(int index) {
            return result == null || index >= result.samples().size() ? null : result.samples().get(index);
        }
    }

    /** The job's records; none when the run was cancelled before the job finished. */
    Executed execute(CompletionJob job, CompletionProvider provider) throws InterruptedException {
        CompletionRequest request;
        try {
            request = request(job, provider);
        } catch (ProviderException e) {
            return Executed.unsent(records.failed(job, e.kind().name(), String.valueOf(e.getMessage())));
        } catch (RationaleException | IllegalArgumentException e) {
            return Executed.unsent(records.failed(job, "RENDER", String.valueOf(e.getMessage())));
        }
        for (int attempt = 1; ; attempt++) {
            CompletionResult result;
            try {
                result = attempt(request, provider, job.samples().size());
            } catch (ProviderException e) {
                return new Executed(records.failed(job, e.kind().name(), String.valueOf(e.getMessage())), request,
                        null);
            }
            if (result == null) {
                return Executed.unsent(List.of());
            }
            ProviderException failure = result.failure();
            boolean cutMidway = failure != null && failure.kind() == ProviderException.Kind.INTERRUPTED;
            if (cutMidway && attempt == 1 && !run.isCancelled()) {
                continue;
            }
            return new Executed(records.of(job, result, attempt, request.seed()), request, result);
        }
    }

    private CompletionRequest request(CompletionJob job, CompletionProvider provider) {
        return job.request(task, provider.intake(job.target().model()), provider.capabilities().logprobs());
    }

    /** The finished result, or null when the run was cancelled and the request did not finish. */
    private @Nullable CompletionResult attempt(CompletionRequest request, CompletionProvider provider, int samples)
            throws InterruptedException {
        CompletionCollector collector = new CompletionCollector(samples);
        Cancellable handle = provider.stream(request, collector);
        if (!run.track(handle)) {
            handle.cancel();
            return null;
        }
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!collector.await(POLL)) {
                if (run.isCancelled()) {
                    handle.cancel();
                    collector.await(CANCEL_GRACE);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    handle.cancel();
                    throw new ProviderException(ProviderException.Kind.TIMEOUT, "no answer within " + timeout);
                }
            }
        } finally {
            run.untrack(handle);
        }
        CompletionResult result = collector.result();
        return run.isCancelled() && cutShort(result) ? null : result;
    }

    // A completion that ended on its own before the cancel is kept; one the cancel cut off is not.
    private static boolean cutShort(CompletionResult result) {
        return result.timings() == null || result.failed() || result.samples().stream()
                .anyMatch(s -> s.finishReason() == FinishReason.CANCELLED || s.finishReason() == null);
    }
}
