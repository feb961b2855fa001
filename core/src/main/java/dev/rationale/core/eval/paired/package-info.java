// SPDX-License-Identifier: Apache-2.0
/**
 * Paired significance: whether one variant (or run) beats another on the same cases by more than chance.
 * <ul>
 *   <li>{@link dev.rationale.core.eval.paired.SampleVerdicts} decides a case from its samples' stored verdicts
 *       where only those are known (the history);</li>
 *   <li>{@link dev.rationale.core.eval.paired.McNemar} is the exact test on the discordant cases;</li>
 *   <li>{@link dev.rationale.core.eval.paired.PairedBootstrap} is the seeded percentile interval of the accuracy
 *       difference;</li>
 *   <li>{@link dev.rationale.core.eval.paired.PairedComparison} lines two sides up case by case (leaving out, and
 *       counting, cases graded on one side only), holds both results and says in words which side is better and
 *       whether that is significant.</li>
 * </ul>
 * Everything here is a pure function of the verdicts, so the app, the command line and the HTML report show the
 * same numbers for the same cases.
 */
@NullMarked
package dev.rationale.core.eval.paired;

import org.jspecify.annotations.NullMarked;
