// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import org.jspecify.annotations.Nullable;

/**
 * One case of one variant on one target, its samples voted on.
 *
 * @param answer the majority answer as first written; null when no sample answered
 * @param voteShare the majority's share of the samples that completed (failed ones do not vote), 0..1
 * @param confidence what calibration uses: the vote share with several samples; with one, the mean probability of
 *     the answer's tokens where the backend scored them, else null
 * @param samples how many samples were recorded
 * @param failedSamples how many of them failed
 * @param reason for a failed case, the first failed sample's reason
 * @param score under an answer format that scores, the mean score of the samples graded, on the grader's scale;
 *     null otherwise or when none was
 */
public record CaseResult(CompletionKey.CaseKey key, CaseOutcome outcome, @Nullable String expected,
        @Nullable String answer, double voteShare, @Nullable Double confidence, int samples, int failedSamples,
        @Nullable String reason, @Nullable Double score) {

    /** A case graded by matching answers. */
    public CaseResult(CompletionKey.CaseKey key, CaseOutcome outcome, @Nullable String expected,
            @Nullable String answer, double voteShare, @Nullable Double confidence, int samples, int failedSamples,
            @Nullable String reason) {
        this(key, outcome, expected, answer, voteShare, confidence, samples, failedSamples, reason, null);
    }
}
