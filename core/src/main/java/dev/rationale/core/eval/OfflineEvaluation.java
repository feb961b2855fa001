// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.render.PromptIntake;
import java.util.ArrayList;
import java.util.List;

/**
 * An evaluation whose requests something else sends (a provider's batch API): the plan's requests, one per sample,
 * rendered and set up exactly as {@link EvaluationRunner} sends them when samples go in separate requests, and the
 * answers that come back graded as it grades its own. Nothing is kept per completion: a request is made when it is
 * asked for. Pure and thread-safe.
 */
public final class OfflineEvaluation {

    /** One request of the plan and the completion it answers. */
    public record Planned(CompletionKey key, CompletionRequest request) {
    }

    private final EvalPlan plan;
    private final SampleRecords records;

    public OfflineEvaluation(EvalPlan plan) {
        this(plan, GradingContext.NONE);
    }

    /** @param grading the judge and the code runner of answer formats that score */
    public OfflineEvaluation(EvalPlan plan, GradingContext grading) {
        this.plan = plan;
        this.records = new SampleRecords(plan.taskId(), plan.task(), grading);
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
        List<Planned> planned = new ArrayList<>(plan.totalCompletions());
        for (CompletionKey key : plan.keys()) {
            planned.add(new Planned(key, request(key, intake, logprobs)));
        }
        return planned;
    }

    /**
     * The request of the completion {@code key}, as {@link #requests} makes it.
     *
     * @throws IllegalArgumentException when {@code key} is not in the plan
     * @throws dev.rationale.core.RationaleException when the prompt does not render or cannot reach the model
     */
    public CompletionRequest request(CompletionKey key, PromptIntake intake, boolean logprobs) {
        return job(key).request(plan.task(), intake, logprobs);
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

    // Made when asked for: a plan of a million completions would otherwise hold a million jobs.
    private CompletionJob job(CompletionKey key) {
        PlanSlots slots = PlanSlots.of(plan);
        if (slots.slot(key) < 0) {
            throw new IllegalArgumentException("no completion " + key + " in the plan");
        }
        Variant variant = plan.variants().stream().filter(v -> key.variant().equals(String.valueOf(v.id())))
                .findFirst().orElseThrow();
        EvalTarget target = plan.targets().stream().filter(t -> key.target().equals(t.id())).findFirst()
                .orElseThrow();
        int samples = plan.samplesOf(variant);
        TestCase testCase = plan.cases().get(slots.caseIndex(key.testCase()));
        return new CompletionJob(variant, target, key.testCase(), testCase, List.of(key.sample()),
                plan.settings(variant, target), samples > 1);
    }
}
