// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.scoring.ChoiceScorer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs an {@link EvalPlan}: every completion not yet in the results file is requested, graded and appended to the
 * file the moment it finishes, then reported to the listener.
 *
 * <p>Each endpoint works on its own, with at most {@link ConcurrencyLimits#limitFor its limit} requests in flight
 * (see {@link ConcurrencyLimits} for local and remote endpoints). The limit adapts: an endpoint that answers 429
 * gets fewer requests at a time, and more again as it answers, never more than the limit
 * ({@link dev.rationale.core.provider.AdaptiveLimit}); the listener hears when it is lowered. A request that must
 * be sent again gives its place to the next one while it waits ({@link LaneQueue}). Requests wait on virtual
 * threads, so a thousand queued cases cost no platform threads.
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
 *
 * <p><b>Likelihood.</b> When the plan has multiple-choice cases ({@link EvalPlan#questions}), each endpoint also
 * scores every variant's prompt of each such case with its options as continuations ({@link ChoiceScoring}), after
 * the completions of the same phase and within the same limit. The results are {@link LikelihoodRecord} lines in
 * the same file, appended as each case is scored; resuming skips the cases scored and scores failed ones again. An
 * endpoint that cannot score is named in the outcome's {@link EvalOutcome#notScorable} with the reason. Cancelling
 * starts no more scoring; a case being scored finishes (one forward pass, or one short request, per option) and is
 * kept.
 */
public final class EvaluationRunner implements PlanRunner {
    private final Function<Endpoint, CompletionProvider> providers;
    private final GradingContext grading;

    /** @param providers the provider for an endpoint, e.g. {@code ProviderCache::get} */
    public EvaluationRunner(Function<Endpoint, CompletionProvider> providers) {
        this(providers, GradingContext.NONE);
    }

    /**
     * @param providers the provider for an endpoint, e.g. {@code ProviderCache::get}
     * @param grading the judge and the code runner of answer formats that score
     */
    public EvaluationRunner(Function<Endpoint, CompletionProvider> providers, GradingContext grading) {
        this.providers = providers;
        this.grading = grading;
    }

    /**
     * Starts the plan's missing completions and returns at once.
     *
     * @param results where finished completions are appended; its {@link ResultsFile#forEachPrevious previous}
     *     records are what is skipped, read here a line at a time
     * @throws dev.rationale.core.provider.ProviderException when a provider cannot be made for an endpoint
     * @throws IllegalArgumentException when the concurrency limit is below 1
     */
    @Override
    public RunningEvaluation start(EvalPlan plan, ResultsFile results, EvalOptions options, EvalListener listener) {
        // The previous records are folded into a bit per completion and the report's sums, never kept whole.
        PlanSlots slots = PlanSlots.of(plan);
        BitSet done = new BitSet();
        ReportTally report = new ReportTally(plan);
        List<LikelihoodRecord> previousScores = new ArrayList<>();
        results.forEachPrevious(record -> {
            int slot = slots.slot(record.key());
            if (slot >= 0) {
                done.set(slot, record.status().answered());
            }
            report.addPrevious(record);
        }, previousScores::add);
        Set<CompletionKey.CaseKey> scored = previousScores.stream()
                .filter(r -> r.task().equals(plan.taskId()) && r.likelihood() == LikelihoodRecord.Status.SCORED)
                .map(LikelihoodRecord::key)
                .collect(Collectors.toSet());
        List<EvalSchedule.Lane> lanes = EvalSchedule.lanes(plan, done, scored, providers, options);
        RunningEvaluation run = new RunningEvaluation();
        SampleRecords records = new SampleRecords(plan.taskId(), plan.task(), grading);
        JobExecutor executor = new JobExecutor(plan.task(), run, records, options.requestTimeout());
        ChoiceScoring scoring = new ChoiceScoring(plan.task(), plan.taskId());
        Map<String, String> notScorable = notScorable(plan, lanes);
        Thread.ofVirtual().name("evaluation").start(() -> {
            try {
                Run state = new Run(executor, scoring, records, results, listener, run, report);
                try (ExecutorService all = Executors.newVirtualThreadPerTaskExecutor()) {
                    lanes.forEach(lane -> all.submit(() -> state.drive(lane)));
                }
                state.rethrowFailure();
                run.complete(new EvalOutcome(report.summary(), run.isCancelled(),
                        mergedScores(plan, previousScores, state.scored), notScorable));
            } catch (RuntimeException | Error e) {
                run.cancel();
                run.fail(e);
            }
        });
        return run;
    }

    private static List<LikelihoodRecord> mergedScores(EvalPlan plan, List<LikelihoodRecord> previous,
            ConcurrentLinkedQueue<LikelihoodRecord> fresh) {
        Set<CompletionKey.CaseKey> planned = Set.copyOf(LikelihoodReport.keys(plan));
        Map<CompletionKey.CaseKey, LikelihoodRecord> byKey = new LinkedHashMap<>();
        previous.stream().filter(r -> r.task().equals(plan.taskId())).forEach(r -> byKey.put(r.key(), r));
        fresh.forEach(r -> byKey.put(r.key(), r));
        return byKey.values().stream().filter(r -> planned.contains(r.key())).toList();
    }

    // Target to why its endpoint cannot score options; only for a plan with options.
    private static Map<String, String> notScorable(EvalPlan plan, List<EvalSchedule.Lane> lanes) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (!plan.isMultipleChoice()) {
            return reasons;
        }
        for (EvalSchedule.Lane lane : lanes) {
            if (lane.scorer() == null) {
                String reason = "endpoint \"" + lane.endpoint().name() + "\" (" + lane.provider().kind().id()
                        + ") does not give the log-probabilities of a prompt, so it cannot score options";
                plan.targets().stream().filter(t -> t.endpoint().equals(lane.endpoint()))
                        .forEach(t -> reasons.put(t.id(), reason));
            }
        }
        return reasons;
    }

    /** One run's shared state across its lanes. */
    private static final class Run {
        final JobExecutor executor;
        final ChoiceScoring scoring;
        final SampleRecords records;
        final ResultsFile results;
        final EvalListener listener;
        final RunningEvaluation handle;
        final Refusals refusals = new Refusals();
        final ReportTally report;
        final ConcurrentLinkedQueue<LikelihoodRecord> scored = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        Run(JobExecutor executor, ChoiceScoring scoring, SampleRecords records, ResultsFile results,
                EvalListener listener, RunningEvaluation handle, ReportTally report) {
            this.executor = executor;
            this.scoring = scoring;
            this.records = records;
            this.results = results;
            this.listener = listener;
            this.handle = handle;
            this.report = report;
        }

        /**
         * Works through a lane's phases, each to its end before the next (one local model at a time): a phase's
         * completions, then its likelihood scores.
         */
        Void drive(EvalSchedule.Lane lane) throws InterruptedException {
            String endpoint = lane.endpoint().name();
            LaneQueue queue = LaneQueue.of(lane.limit(), handle::isCancelled,
                    change -> listener.limitLowered(endpoint, change.from(), change.to()));
            for (int i = 0; i < lane.phases().size() && !handle.isCancelled(); i++) {
                Iterator<CompletionJob> jobs = lane.phases().get(i);
                queue.run(new Iterator<JobExecutor.Tries>() {
                    @Override
                    public boolean hasNext() {
                        return jobs.hasNext();
                    }

                    @Override
                    public JobExecutor.Tries next() {
                        return JobExecutor.Tries.first(jobs.next());
                    }
                }, tries -> perform(tries, lane));
                ChoiceScorer scorer = lane.scorer();
                if (scorer != null && !handle.isCancelled()) {
                    queue.<ScoringJob>run(lane.scoring().get(i), job -> new LaneQueue.Step.Done<>(
                            LaneQueue.Reply.NONE, score(job, scorer, lane.provider())));
                }
            }
            return null;
        }

        // The scoring in the slot; what it returns, writing the score down, after the slot is handed on.
        private Runnable score(ScoringJob job, ChoiceScorer scorer, CompletionProvider provider) {
            LikelihoodRecord record;
            try {
                record = scoring.score(job, scorer, provider);
            } catch (RuntimeException e) {
                return () -> stop(e);
            }
            return () -> {
                try {
                    results.append(record);
                    scored.add(record);
                    listener.scored(record);
                } catch (RuntimeException e) {
                    stop(e);
                }
            };
        }

        private LaneQueue.Step<JobExecutor.Tries> perform(JobExecutor.Tries tries, EvalSchedule.Lane lane)
                throws InterruptedException {
            try {
                Refusals.Refusal refusal = refusals.of(tries.job());
                JobExecutor.Attempt attempt = refusal != null
                        ? new JobExecutor.Attempt.Over(JobExecutor.Executed.unsent(records.failed(tries.job(),
                                refusal.kind(), refusal.reason())), LaneQueue.Reply.NONE)
                        : executor.execute(tries, lane.provider());
                return switch (attempt) {
                    case JobExecutor.Attempt.Again again ->
                            new LaneQueue.Step.Again<>(again.next(), again.reply(), again.delay());
                    case JobExecutor.Attempt.Over over -> {
                        // Before the slot is handed on, so that the next job already knows of a refused key.
                        over.executed().failures().forEach(refusals::note);
                        yield new LaneQueue.Step.Done<>(over.reply(), () -> keep(over.executed()));
                    }
                };
            } catch (RuntimeException e) {
                stop(e);
                return new LaneQueue.Step.Done<>(LaneQueue.Reply.NONE);
            }
        }

        // Grading the answer and writing it down (results file, history, listeners): after the slot is handed on,
        // so that neither the grading nor disk syncs keep the endpoint waiting.
        private void keep(JobExecutor.Executed done) {
            try {
                // Grading may wait on a judge or a test run, which a cancel stops; it is done before any writing.
                GradingInterrupt.during(handle, done::records);
                for (int i = 0; i < done.records().size(); i++) {
                    SampleRecord record = done.records().get(i);
                    results.append(record);
                    report.add(record);
                    listener.finished(record, done.request(), done.sample(i), done.result());
                }
            } catch (RuntimeException e) {
                stop(e);
            }
        }

        // A record that cannot be written breaks the promise to lose nothing: stop rather than go on.
        private void stop(RuntimeException e) {
            failures.add(e);
            handle.cancel();
        }

        void rethrowFailure() {
            Throwable first = failures.peek();
            if (first instanceof RuntimeException e) {
                throw e;
            }
        }
    }
}
