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
import dev.rationale.core.provider.RetryScope;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends one attempt of a {@link CompletionJob} and waits for it on the calling (virtual) thread.
 *
 * <p>The request is sent once ({@link RetryScope#callerRetries}); what a retry could fix comes back as
 * {@link Attempt.Again}, for the {@link LaneQueue} to send again later without holding a slot meanwhile:
 * <ul>
 *   <li>a failure the server or the connection says may be repeated ({@link ProviderException#repeat()}: 408,
 *       409, 429 and 5xx unless quota is spent or {@code x-should-retry: false}; a refused connection), after the
 *       server's wait if it named one, else after the endpoint's shared back-off;</li>
 *   <li>a stream cut after tokens arrived, once, at once: for an evaluation, unlike an interactive run, nobody has
 *       seen those tokens, so the request is asked again whole.</li>
 * </ul>
 * A job is sent at most {@value #MAX_ATTEMPTS} times; its last failure, or any other, is recorded as failed with its
 * reason.
 */
final class JobExecutor {
    /** Sends of one job at most, the first included; as many as the HTTP layer's own retrying allows. */
    static final int MAX_ATTEMPTS = 4;

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
     * nothing was sent). The records of an answer are graded when first asked for, which the runner does after the
     * job's slot is handed on: the endpoint's next request does not wait for the grading. Failures are recorded at
     * once, since the runner reads them before handing the slot on ({@link Refusals}). Used by one thread at a time.
     */
    static final class Executed {
        private @Nullable List<SampleRecord> records;
        private final @Nullable Supplier<List<SampleRecord>> grading;
        private final @Nullable CompletionRequest request;
        private final @Nullable CompletionResult result;

        private Executed(@Nullable List<SampleRecord> records, @Nullable Supplier<List<SampleRecord>> grading,
                @Nullable CompletionRequest request, @Nullable CompletionResult result) {
            this.records = records;
            this.grading = grading;
            this.request = request;
            this.result = result;
        }

        static Executed unsent(List<SampleRecord> records) {
            return new Executed(records, null, null, null);
        }

        /** A request that failed, or an answer whose failure is already in its {@code records}. */
        static Executed failed(List<SampleRecord> records, CompletionRequest request,
                @Nullable CompletionResult result) {
            return new Executed(records, null, request, result);
        }

        /** An answer, graded into its records by {@code grading} when they are first asked for. */
        static Executed answered(Supplier<List<SampleRecord>> grading, CompletionRequest request,
                CompletionResult result) {
            return new Executed(null, grading, request, result);
        }

        /** The records, one per sample; grades an answer on the first call. */
        List<SampleRecord> records() {
            if (records == null) {
                records = Objects.requireNonNull(grading).get();
            }
            return records;
        }

        /** The records of a failure or of an unsent job; none for an answer, which holds no failure. */
        List<SampleRecord> failures() {
            return grading == null ? records() : List.of();
        }

        @Nullable CompletionRequest request() {
            return request;
        }

        @Nullable CompletionResult result() {
            return result;
        }

        /** The result's sample behind record {@code index}, if it has one. */
        CompletionResult.@Nullable Sample sample(int index) {
            return result == null || index >= result.samples().size() ? null : result.samples().get(index);
        }
    }

    /**
     * A job with what its earlier attempts met.
     *
     * @param request the request as rendered for the first attempt, sent alike each time; null before it
     * @param sent requests sent for it so far
     * @param cut whether one of them was cut midway
     */
    record Tries(CompletionJob job, @Nullable CompletionRequest request, int sent, boolean cut) {
        static Tries first(CompletionJob job) {
            return new Tries(job, null, 0, false);
        }
    }

    /** What one attempt came to, and what the endpoint's reply says about its load. */
    sealed interface Attempt {
        LaneQueue.Reply reply();

        /** The job is over: its records (none when the run was cancelled before it finished). */
        record Over(Executed executed, LaneQueue.Reply reply) implements Attempt {
        }

        /**
         * Send it again as {@code next}, after {@code delay}: the server's, zero for at once, or null for the
         * endpoint's shared back-off.
         */
        record Again(Tries next, LaneQueue.Reply reply, @Nullable Duration delay) implements Attempt {
        }
    }

    /** Sends the job once more; see the class comment for what comes back as {@link Attempt.Again}. */
    Attempt execute(Tries tries, CompletionProvider provider) throws InterruptedException {
        CompletionJob job = tries.job();
        CompletionRequest request = tries.request();
        try {
            request = request != null ? request : request(job, provider);
        } catch (ProviderException e) {
            return over(records.failed(job, e.kind().name(), String.valueOf(e.getMessage())));
        } catch (RationaleException | IllegalArgumentException e) {
            return over(records.failed(job, "RENDER", String.valueOf(e.getMessage())));
        }
        int attempt = tries.sent() + 1;
        CompletionResult result;
        try {
            result = attempt(request, provider, job.samples().size());
        } catch (ProviderException e) {
            return new Attempt.Over(Executed.failed(records.failed(job, e.kind().name(),
                    String.valueOf(e.getMessage())), request, null), LaneQueue.Reply.FAILED);
        }
        if (result == null) {
            return over(List.of());
        }
        ProviderException failure = result.failure();
        LaneQueue.Reply reply = reply(failure);
        if (failure != null && attempt < MAX_ATTEMPTS && !run.isCancelled()) {
            boolean cutMidway = failure.kind() == ProviderException.Kind.INTERRUPTED;
            if (cutMidway && !tries.cut()) {
                return new Attempt.Again(new Tries(job, request, attempt, true), reply, Duration.ZERO);
            }
            ProviderException.Repeat repeat = failure.repeat();
            if (repeat != null) {
                return new Attempt.Again(new Tries(job, request, attempt, tries.cut()), reply, repeat.after());
            }
        }
        CompletionRequest sent = request;
        Executed executed = failure != null
                ? Executed.failed(records.of(job, result, attempt, sent.seed()), sent, result)
                : Executed.answered(() -> records.of(job, result, attempt, sent.seed()), sent, result);
        return new Attempt.Over(executed, reply);
    }

    private static Attempt over(List<SampleRecord> unsent) {
        return new Attempt.Over(Executed.unsent(unsent), LaneQueue.Reply.NONE);
    }

    // A 429 that says to wait is about load; one for a spent quota (not to be repeated) is not.
    private static LaneQueue.Reply reply(@Nullable ProviderException failure) {
        if (failure == null) {
            return LaneQueue.Reply.ANSWERED;
        }
        Integer status = failure.status();
        boolean tooMany = status != null && status == 429 && failure.repeat() != null;
        return tooMany ? LaneQueue.Reply.OVERLOADED : LaneQueue.Reply.FAILED;
    }

    private CompletionRequest request(CompletionJob job, CompletionProvider provider) {
        return job.request(task, provider.intake(job.target().model()), provider.capabilities().logprobs());
    }

    /** The finished result, or null when the run was cancelled and the request did not finish. */
    private @Nullable CompletionResult attempt(CompletionRequest request, CompletionProvider provider, int samples)
            throws InterruptedException {
        CompletionCollector collector = new CompletionCollector(samples);
        Cancellable handle = RetryScope.callerRetries(() -> provider.stream(request, collector));
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
