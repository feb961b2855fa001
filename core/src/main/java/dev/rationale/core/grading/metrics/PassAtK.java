// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import dev.rationale.core.analysis.AtKScores;
import java.util.List;

/**
 * pass@k over problems whose samples were graded by executed tests (Chen et al. 2021, the Codex paper): per
 * problem with n samples of which c passed, the unbiased estimate {@code 1 - C(n-c, k) / C(n, k)} of the chance
 * that k samples drawn without replacement hold at least one that passes; then the mean over problems. The
 * estimate is {@link AtKScores#passAtK}'s product form, which never forms a binomial coefficient and so stays exact
 * for hundreds of samples; the grid's pass@k columns use the same one.
 *
 * <p>k larger than a problem's n is refused rather than estimated: k distinct samples cannot be drawn from fewer,
 * and the Codex paper's reference code, which answers 1 there, would count a problem whose every sample failed as
 * solved. {@link #largestK} says how far k can go for a set of problems.
 *
 * @param k samples drawn per problem
 * @param problems how many problems the mean is over
 * @param mean pass@k averaged over the problems, 0..1
 */
public record PassAtK(int k, int problems, double mean) {

    /**
     * One problem's graded samples.
     *
     * @param id the problem's name, for messages
     * @param samples how many samples were graded (n)
     * @param passed how many of them passed every test (c)
     */
    public record Problem(String id, int samples, int passed) {
        /** @throws IllegalArgumentException unless 0 &lt;= passed &lt;= samples */
        public Problem {
            if (passed < 0 || passed > samples) {
                throw new IllegalArgumentException("problem " + id + " cannot have " + passed + " of " + samples
                        + " samples passed");
            }
        }
    }

    /**
     * pass@k of one problem.
     *
     * @throws IllegalArgumentException unless 0 &lt;= passed &lt;= samples and 1 &lt;= k &lt;= samples
     */
    public static double estimate(int samples, int passed, int k) {
        return AtKScores.passAtK(samples, passed, k);
    }

    /**
     * The mean pass@k over problems.
     *
     * @throws IllegalArgumentException when there is no problem, k is below 1, or a problem has fewer than k
     *         samples (the message names the first such problem)
     */
    public static PassAtK of(List<Problem> problems, int k) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("pass@" + k + " needs at least one problem");
        }
        if (k < 1) {
            throw new IllegalArgumentException("pass@k needs k >= 1, got " + k);
        }
        double sum = 0;
        for (Problem problem : problems) {
            if (problem.samples() < k) {
                throw new IllegalArgumentException("pass@" + k + " needs at least " + k + " samples per problem; "
                        + problem.id() + " has " + problem.samples());
            }
            sum += estimate(problem.samples(), problem.passed(), k);
        }
        return new PassAtK(k, problems.size(), sum / problems.size());
    }

    /** The largest k every problem has samples for: the fewest samples of any; 0 when there is no problem. */
    public static int largestK(List<Problem> problems) {
        return problems.stream().mapToInt(Problem::samples).min().orElse(0);
    }
}
