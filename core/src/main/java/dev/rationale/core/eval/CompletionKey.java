// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

/**
 * One completion of an evaluation: what resuming skips when the results file already has it. The history keeps
 * a completion under a {@link dev.rationale.core.history.RunCompletionKey} instead, by run and stored target.
 *
 * @param task the task's id
 * @param variant the variant's id
 * @param target the model target's id
 * @param testCase the case's id ({@link EvalPlan#caseId})
 * @param sample which sample of the case, from 0
 */
public record CompletionKey(String task, String variant, String target, String testCase, int sample) {

    /** The case this completion belongs to, without the sample index. */
    public CaseKey caseKey() {
        return new CaseKey(variant, target, testCase);
    }

    /** One case of one variant on one target: the unit a vote is taken over. */
    public record CaseKey(String variant, String target, String testCase) {
    }
}
