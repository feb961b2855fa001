// SPDX-License-Identifier: Apache-2.0
/**
 * What the Output and Compare views show about a completion, computed without any UI:
 * <ul>
 *   <li>{@link dev.rationale.core.analysis.TokenHeat}: a token's probability and the entropy of its top-k
 *       alternatives, bucketed into heat levels with a legend;</li>
 *   <li>{@link dev.rationale.core.analysis.ReasoningSteps}: a sample's reasoning chain split into steps, each
 *       scored by its tokens, and the final answer with its confidence;</li>
 *   <li>{@link dev.rationale.core.analysis.AnswerAgreement}: how far several samples agree on their answer;</li>
 *   <li>{@link dev.rationale.core.analysis.AnswerClusters}: a case's samples grouped by answer, with their members,
 *       the majority and the expected answer marked;</li>
 *   <li>{@link dev.rationale.core.analysis.AlignedChains}: several samples' reasoning steps aligned column by
 *       column, where they part marked ({@link dev.rationale.core.analysis.ClusteredChains} computes both);</li>
 *   <li>{@link dev.rationale.core.analysis.AtKScores}: pass@k, maj@k and cons@k of a cell's graded cases;</li>
 *   <li>{@link dev.rationale.core.analysis.TextDiff}: a word-level diff of two reasoning chains;</li>
 *   <li>{@link dev.rationale.core.analysis.ResampleTally}: what continuations of an answer from one point answered,
 *       and how many kept the original answer.</li>
 * </ul>
 * Every class here is immutable or stateless: pure functions of their input, safe to call from any thread, so the
 * app can compute off the FX thread and hand the results over.
 */
@NullMarked
package dev.rationale.core.analysis;

import org.jspecify.annotations.NullMarked;
