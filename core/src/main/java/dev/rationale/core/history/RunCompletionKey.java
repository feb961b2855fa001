// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/**
 * Where a stored completion sits in its run's grid. Not the evaluation's {@code eval.CompletionKey}: that one names
 * a planned completion by the task and the plan's own target id (two targets of a plan may share an endpoint and
 * model and differ in settings; results files and batch custom ids are keyed by it), while this one belongs to a run
 * of any kind and names the target by what the history keeps of it, endpoint, protocol and model.
 *
 * @param runId the run's id
 * @param variant the variant's id
 * @param caseId the test case's id (for a single prompt run, any fixed name such as {@code prompt})
 * @param sample 0 for the first sample of a case, then 1, 2... under self-consistency
 */
public record RunCompletionKey(String runId, String variant, RunTarget target, String caseId, int sample) {
    public RunCompletionKey {
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be 0 or more, got " + sample);
        }
    }
}
