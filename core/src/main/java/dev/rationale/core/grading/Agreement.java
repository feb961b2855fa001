// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import org.jspecify.annotations.Nullable;

/**
 * How far two graders agree on the same answers, pass or fail: Cohen's kappa.
 *
 * @param with what the grader is compared with, e.g. {@code exact match}
 * @param items the answers both graded
 * @param observed the share of them where the two agree
 * @param kappa Cohen's kappa; null when chance agreement is total (both graders gave one verdict to everything),
 *     where kappa is undefined
 */
public record Agreement(String with, int items, double observed, @Nullable Double kappa) {
}
