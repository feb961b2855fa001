// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.render.PromptIntake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation whose requests something else sends (a provider's batch API): the plan's requests, one per sample,
 * rendered and set up exactly as {@link EvaluationRunner} sends them when samples go in separate requests, and the
 * answers that come back graded as it grades its own. Pure and thread-safe.
 */
public final class OfflineEvaluation {

    /** One request of the plan and the completion it answers. */
    public record Planned(CompletionKey key, CompletionRequest request) {
    }

    private final EvalPlan plan;
    private final Map<CompletionKey, CompletionJob> jobs = new LinkedHashMap<>();
    private final SampleRecords records;

    public OfflineEvaluation(EvalPlan plan) {
        this.plan = plan;
        this.records = new SampleRecords(plan.taskId(), plan.task().effectiveAnswer());
        for (int c = 0; c < plan.cases().size(); c++) {
            TestCase testCase = plan.cases().get(c);
            for (EvalTarget target : plan.targets()) {
                for (Variant variant : plan.variants()) {
                    int samples = plan.samplesOf(variant);
                    for (int s = 0; s < samples; s++) {
                        var job = new CompletionJob(variant, target, plan.caseId(c), testCase, List.of(s),
                                plan.settings(variant, target), samples > 1);
                        jobs.put(job.key(plan.taskId(), s), job);
                    }
                }
            }
        }
    }

    public EvalPlan plan() {
        return plan;
    }

    /**
     * Every request of the plan, in the plan's order.
     *
     * @param intake how the backend that will send them takes prompts, to shape each as a run would
     * @param logprobs whether the backend gives token log-probabilities (then they are asked for, as a run does)
     * @throws dev.rationale.core.RationaleException when a prompt does not render or cannot reach the model
     */
    public List<Planned> requests(PromptIntake intake, boolean logprobs) {
        List<Planned> planned = new ArrayList<>(jobs.size());
        jobs.forEach((key, job) -> planned.add(new Planned(key, job.request(plan.task(), intake, logprobs))));
        return planned;
    }

    /**
     * The record of the completion {@code key} answered by {@code result}'s first sample: graded with the task's
     * answer format, or failed when the result carries a failure.
     *
     * @param request the request that was sent, for its seed
     * @throws IllegalArgumentException when {@code key} is not in the plan
     */
    public SampleRecord graded(CompletionKey key, CompletionRequest request, CompletionResult result) {
        return records.of(job(key), result, 1, request.seed()).getFirst();
    }

    /** The record of the completion {@code key} that failed without a completion, e.g. a request the API refused. */
    public SampleRecord failed(CompletionKey key, String errorKind, String reason) {
        return records.failed(job(key), errorKind, reason).getFirst();
    }

    private CompletionJob job(CompletionKey key) {
        CompletionJob job = jobs.get(key);
        if (job == null) {
            throw new IllegalArgumentException("no completion " + key + " in the plan");
        }
        return job;
    }
}
