// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

/**
 * The Wilson score interval for a proportion: where the true accuracy lies, at 95% confidence, given
 * {@code successes} out of {@code trials}. Unlike the normal approximation it stays within [0, 1] and is sensible
 * for the small counts and extreme accuracies of prompt evaluations (8 of 10 gives [0.490, 0.943]; 10 of 10 gives
 * [0.722, 1]).
 *
 * @param low the lower bound, 0..1
 * @param high the upper bound, 0..1
 */
public record WilsonInterval(double low, double high) {

    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;

    /** [0, 1]: what nothing tells about a proportion. */
    public static final WilsonInterval UNKNOWN = new WilsonInterval(0, 1);

    /**
     * The 95% interval.
     *
     * @throws IllegalArgumentException when the counts are negative or successes exceed trials
     */
    public static WilsonInterval of(int successes, int trials) {
        return of(successes, trials, Z95);
    }

    /** The interval for the normal quantile {@code z} (1.96 for 95%); {@link #UNKNOWN} for no trials. */
    public static WilsonInterval of(int successes, int trials, double z) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
        }
        if (trials == 0) {
            return UNKNOWN;
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        // Clamped: at p = 0 or 1 rounding can put a bound a hair outside [0, 1].
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
