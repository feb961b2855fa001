// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.ChatProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs an {@link EvalPlan}: every completion not yet in the results file is requested, graded and appended to the
 * file the moment it finishes, then reported to the listener.
 *
 * <p>Each endpoint works on its own, with at most {@link ConcurrencyLimits#limitFor its limit} requests in flight
 * (see {@link ConcurrencyLimits} for local and remote endpoints). Requests wait on virtual threads, so a thousand
 * queued cases cost no platform threads.
 *
 * <p><b>Samples.</b> A case's {@code samples} completions go in one request ({@code n}) where the provider's
 * capabilities allow several completions per request, else as separate requests with distinct seeds.
 *
 * <p><b>Resuming.</b> Completions the file already holds with an answer are skipped; failed ones are asked again
 * (a failure is usually the server's or the key's, and the point of resuming is to fill the holes). A torn last
 * line is dropped and its completion redone. A cancelled or killed run therefore continues where it stopped, and
 * no completion is ever counted twice: the file's last line for a completion wins.
 *
 * <p><b>Failures.</b> Every completion ends up in the file: correct, wrong, no answer, ungraded, or failed with
 * the reason. See {@link JobExecutor} for what is retried, and {@link Refusals} for what is not sent at all.
 */
public final class EvaluationRunner {
    private final Function<Endpoint, ChatProvider> providers;

    /** @param providers the provider for an endpoint, e.g. {@code ProviderCache::get} */
    public EvaluationRunner(Function<Endpoint, ChatProvider> providers) {
        this.providers = providers;
    }

    /**
     * Starts the plan's missing completions and returns at once.
     *
     * @param results where finished completions are appended; its {@link ResultsFile#previous() previous} records
     *     are what is skipped
     * @throws dev.rationale.core.provider.ProviderException when a provider cannot be made for an endpoint
     * @throws IllegalArgumentException when the concurrency limit is below 1
     */
    public RunningEvaluation start(EvalPlan plan, ResultsFile results, EvalOptions options, EvalListener listener) {
        Set<CompletionKey> done = results.previous().stream().filter(r -> r.status().answered())
                .map(SampleRecord::key).collect(Collectors.toSet());
        List<EvalSchedule.Lane> lanes = EvalSchedule.lanes(plan, done, providers, options);
        RunningEvaluation run = new RunningEvaluation();
        SampleRecords records = new SampleRecords(plan.taskId(), plan.task().effectiveAnswer());
        JobExecutor executor = new JobExecutor(plan.task(), run, records, options.requestTimeout());
        Thread.ofVirtual().name("evaluation").start(() -> {
            try {
                Run state = new Run(executor, records, results, listener, run);
                try (ExecutorService all = Executors.newVirtualThreadPerTaskExecutor()) {
                    lanes.forEach(lane -> all.submit(() -> state.drive(lane)));
                }
                state.rethrowFailure();
                run.complete(new EvalOutcome(merged(plan, results.previous(), state.finished), run.isCancelled()));
            } catch (RuntimeException | Error e) {
                run.cancel();
                run.fail(e);
            }
        });
        return run;
    }

    // The plan's completions only: a results file may hold another task's or a dropped variant's lines.
    private static List<SampleRecord> merged(EvalPlan plan, List<SampleRecord> previous,
            ConcurrentLinkedQueue<SampleRecord> fresh) {
        Set<CompletionKey> planned = Set.copyOf(plan.keys());
        Map<CompletionKey, SampleRecord> byKey = new LinkedHashMap<>();
        previous.forEach(r -> byKey.put(r.key(), r));
        fresh.forEach(r -> byKey.put(r.key(), r));
        return byKey.values().stream().filter(r -> planned.contains(r.key())).toList();
    }

    /** One run's shared state across its lanes. */
    private static final class Run {
        final JobExecutor executor;
        final SampleRecords records;
        final ResultsFile results;
        final EvalListener listener;
        final RunningEvaluation handle;
        final Refusals refusals = new Refusals();
        final ConcurrentLinkedQueue<SampleRecord> finished = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        Run(JobExecutor executor, SampleRecords records, ResultsFile results, EvalListener listener,
                RunningEvaluation handle) {
            this.executor = executor;
            this.records = records;
            this.results = results;
            this.listener = listener;
            this.handle = handle;
        }

        /** Works through a lane's phases, each to its end before the next (one local model at a time). */
        Void drive(EvalSchedule.Lane lane) throws InterruptedException {
            for (List<CompletionJob> phase : lane.phases()) {
                Semaphore slots = new Semaphore(lane.limit());
                try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
                    for (CompletionJob job : phase) {
                        slots.acquire();
                        if (handle.isCancelled()) {
                            break;
                        }
                        requests.submit(() -> {
                            try {
                                perform(job, lane);
                            } finally {
                                slots.release();
                            }
                            return null;
                        });
                    }
                }
                if (handle.isCancelled()) {
                    break;
                }
            }
            return null;
        }

        private void perform(CompletionJob job, EvalSchedule.Lane lane) throws InterruptedException {
            try {
                Refusals.Refusal refusal = refusals.of(job);
                JobExecutor.Executed done = refusal != null
                        ? JobExecutor.Executed.unsent(records.failed(job, refusal.kind(), refusal.reason()))
                        : executor.execute(job, lane.provider());
                for (int i = 0; i < done.records().size(); i++) {
                    SampleRecord record = done.records().get(i);
                    results.append(record);
                    finished.add(record);
                    refusals.note(record);
                    listener.finished(record, done.request(), done.sample(i), done.result());
                }
            } catch (RuntimeException e) {
                // A record that cannot be written breaks the promise to lose nothing: stop rather than go on.
                failures.add(e);
                handle.cancel();
            }
        }

        void rethrowFailure() {
            Throwable first = failures.peek();
            if (first instanceof RuntimeException e) {
                throw e;
            }
        }
    }
}
