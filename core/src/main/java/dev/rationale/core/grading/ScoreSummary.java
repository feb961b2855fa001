// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import org.jspecify.annotations.Nullable;

/**
 * A cell's scores, for an answer format that {@link dev.rationale.core.answer.CompareRule#scores scores}.
 *
 * @param grader which grader scored ({@link dev.rationale.core.answer.GradeDetail#grader})
 * @param scored answered samples that got a score
 * @param unscored answered samples whose grading could not finish (each says why)
 * @param meanScore the mean score over the scored samples, on the grader's scale; null when none was scored
 * @param chrf corpus chrF of the answers against the expected texts (sacreBLEU's chrF2, 0-100); null unless the
 *     grader is chrF or no answer had an expected text
 * @param bleu corpus BLEU with the 13a tokenizer (0-100), beside chrF
 * @param agreement how far the grader's verdicts agree with exact match of the answers, where both exist
 */
public record ScoreSummary(String grader, int scored, int unscored, @Nullable Double meanScore,
        @Nullable Double chrf, @Nullable Double bleu, @Nullable Agreement agreement) {
}
