// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

/**
 * The exact McNemar test on paired verdicts. Only the discordant cases carry evidence: {@code b} cases only side A
 * got right, {@code c} cases only side B got right. If neither side is better, each discordant case is a fair coin,
 * so the two-sided p-value is {@code min(1, 2 P(X <= min(b, c)))} with {@code X ~ Binomial(b + c, 1/2)}; with no
 * discordant case there is no evidence and {@code p = 1}.
 *
 * <p>The exact form rather than the chi-squared approximation because prompt evaluations are small: a handful of
 * discordant cases is common, and there the approximation is poor.
 *
 * @param b cases only A got right
 * @param c cases only B got right
 * @param p the two-sided exact p-value, 0..1
 */
public record McNemar(int b, int c, double p) {

    /** The level under which a difference is called significant. */
    public static final double ALPHA = 0.05;

    /**
     * The test on {@code b} cases only A got right and {@code c} only B got right.
     *
     * @throws IllegalArgumentException when a count is negative
     */
    public static McNemar of(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must not be negative: b=" + b + ", c=" + c);
        }
        return new McNemar(b, c, pValue(b, c));
    }

    /** Whether {@code p < 0.05}. */
    public boolean significant() {
        return p < ALPHA;
    }

    /**
     * The two-sided exact p-value. Summed in log space, relative to the largest term, so that thousands of
     * discordant cases neither underflow {@code 2^-n} nor overflow the binomial coefficients.
     */
    static double pValue(int b, int c) {
        int n = b + c;
        if (n == 0) {
            return 1;
        }
        int k = Math.min(b, c);
        // log C(n, i) for i = 0..k; the terms grow with i up to n / 2, so the last is the largest.
        double[] logTerms = new double[k + 1];
        for (int i = 1; i <= k; i++) {
            logTerms[i] = logTerms[i - 1] + Math.log(n - i + 1) - Math.log(i);
        }
        double largest = logTerms[k];
        double sum = 0;
        for (double term : logTerms) {
            sum += Math.exp(term - largest);
        }
        double logTail = largest + Math.log(sum) - n * Math.log(2);
        return Math.min(1, 2 * Math.exp(logTail));
    }
}
