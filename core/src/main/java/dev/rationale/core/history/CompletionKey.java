// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/**
 * Where a completion sits in its run's grid.
 *
 * @param variant the variant's id
 * @param caseId the test case's id (for a single prompt run, any fixed name such as {@code prompt})
 * @param sample 0 for the first sample of a case, then 1, 2... under self-consistency
 */
public record CompletionKey(String runId, String variant, RunTarget target, String caseId, int sample) {
    public CompletionKey {
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be 0 or more, got " + sample);
        }
    }
}
