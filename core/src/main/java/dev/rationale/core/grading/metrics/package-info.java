// SPDX-License-Identifier: Apache-2.0
/**
 * Scores for answers that exact match cannot grade, as pure functions of text and counts:
 * <ul>
 *   <li>{@link dev.rationale.core.grading.metrics.Chrf}: chrF (chrF2, and chrF++) of a translation, as sacreBLEU
 *       computes it, from {@link dev.rationale.core.grading.metrics.ChrfStats};</li>
 *   <li>{@link dev.rationale.core.grading.metrics.Bleu}: BLEU with the 13a tokenizer
 *       ({@link dev.rationale.core.grading.metrics.Tokenizer13a}), per sentence and per corpus, as sacreBLEU
 *       computes it, from {@link dev.rationale.core.grading.metrics.BleuStats};</li>
 *   <li>{@link dev.rationale.core.grading.metrics.CohenKappa}: how far two graders agree beyond chance;</li>
 *   <li>{@link dev.rationale.core.grading.metrics.PassAtK}: the unbiased pass@k over problems graded by tests.</li>
 * </ul>
 * chrF and BLEU keep their counts as values that add up, so a cell sums its cases' counts as they arrive and
 * scores the sum (a corpus score), which is not the mean of the cases' scores. Every class here is immutable or
 * stateless and safe from any thread.
 */
@NullMarked
package dev.rationale.core.grading.metrics;

import org.jspecify.annotations.NullMarked;
