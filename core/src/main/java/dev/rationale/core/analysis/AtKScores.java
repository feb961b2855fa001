// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * pass@k, maj@k and cons@k of a cell, from each graded case's samples: how accuracy grows with the number of
 * samples.
 *
 * <p>For one case with n samples, c of them correct:
 * <ul>
 *   <li><b>pass@k</b> is the unbiased estimator {@code 1 - C(n-c, k) / C(n, k)}: the chance that k samples drawn
 *       without replacement hold at least one correct answer. It is computed as {@code 1 - prod(1 - k / i)} for
 *       i from n-c+1 to n, which never forms a binomial coefficient, so it neither overflows nor loses precision
 *       for large n.</li>
 *   <li><b>maj@k</b> is 1 when the majority answer of the <em>first</em> k samples (in sample order) is correct,
 *       else 0: what a run with k samples per case would have decided. A tie goes to the answer seen first, as
 *       in {@link MajorityVote}; samples without an answer do not vote, and k of them decide nothing (0). maj@n is
 *       the case's own verdict.</li>
 *   <li><b>cons@k</b> is maj@k averaged over every order of the n samples: the expected accuracy of a majority
 *       vote over k samples drawn at random, counted exactly over all k-subsets rather than simulated. In a random
 *       order the tie rule "seen first" picks each tied answer equally often, so a tie between the correct answer
 *       and t others counts {@code 1 / (t + 1)}. cons@k does not depend on the order the samples happened to
 *       finish in, and cons@n = maj@n.</li>
 * </ul>
 * Cases are graded when they have an expected answer and a compare rule; failed samples are not samples here (a
 * case is as many samples as answered). The cell's figures are the means over its cases for k = 1 and every power
 * of 2 up to the fewest samples any of its cases has.
 *
 * <p>Samples of one answer are all correct or all wrong (they share a normal form, so they match the expected
 * answer alike); a cluster's correctness is read from its first sample. Pure; safe from any thread.
 */
public final class AtKScores {
    // cons@k counts k-subsets in doubles: C(1000, 500) is about 1e299, just below Double.MAX_VALUE.
    private static final int MAX_CONS_SAMPLES = 1000;

    /**
     * One sample of a graded case.
     *
     * @param answer the answer's normal form (anything that is equal for equal answers); null for no answer
     * @param correct whether it matched the expected answer
     */
    public record Sample(@Nullable String answer, boolean correct) {
    }

    private AtKScores() {
    }

    /**
     * The cell's figures.
     *
     * @param cases the graded cases' answered samples, each in sample order; empty cases are skipped
     * @return one entry per k, ascending; empty when no case has a sample
     */
    public static List<AtK> of(List<List<Sample>> cases) {
        AtKSums sums = new AtKSums();
        cases.forEach(sums::add);
        return sums.scores();
    }

    /** 1, 2, 4, ... up to {@code n}; empty when n is 0. */
    public static List<Integer> ks(int n) {
        List<Integer> ks = new ArrayList<>();
        for (int k = 1; k <= n && k > 0; k *= 2) {
            ks.add(k);
        }
        return ks;
    }

    /**
     * The unbiased pass@k of n samples of which c are correct.
     *
     * @throws IllegalArgumentException unless 0 &lt;= c &lt;= n and 1 &lt;= k &lt;= n
     */
    public static double passAtK(int n, int c, int k) {
        if (c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("pass@k needs 0 <= c <= n and 1 <= k <= n: n=" + n + " c=" + c
                    + " k=" + k);
        }
        if (n - c < k) {
            return 1;
        }
        double allWrong = 1;
        for (int i = n - c + 1; i <= n; i++) {
            allWrong *= 1 - (double) k / i;
        }
        return 1 - allWrong;
    }

    /** maj@k of one case: 1 when the majority of its first k samples is correct. */
    public static double majAtK(List<Sample> samples, int k) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Boolean> correct = new LinkedHashMap<>();
        for (Sample sample : samples.subList(0, Math.min(k, samples.size()))) {
            if (sample.answer() != null) {
                counts.merge(sample.answer(), 1, Integer::sum);
                correct.putIfAbsent(sample.answer(), sample.correct());
            }
        }
        String winner = null;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (winner == null || entry.getValue() > counts.get(winner)) {
                winner = entry.getKey();
            }
        }
        return winner != null && correct.get(winner) ? 1 : 0;
    }

    /** cons@k of one case: maj@k expected over every order of its samples (the first 1000 of them). */
    public static double consAtK(List<Sample> samples, int k) {
        List<Sample> used = samples.subList(0, Math.min(samples.size(), MAX_CONS_SAMPLES));
        int n = used.size();
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("cons@k needs 1 <= k <= n: n=" + n + " k=" + k);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Boolean> correct = new LinkedHashMap<>();
        int unanswered = 0;
        for (Sample sample : used) {
            if (sample.answer() == null) {
                unanswered++;
            } else {
                counts.merge(sample.answer(), 1, Integer::sum);
                correct.putIfAbsent(sample.answer(), sample.correct());
            }
        }
        double[][] binomial = pascal(n);
        double winning = 0;
        for (String answer : counts.keySet()) {
            if (correct.get(answer)) {
                List<Integer> others = counts.entrySet().stream().filter(e -> !e.getKey().equals(answer))
                        .map(Map.Entry::getValue).toList();
                winning += waysToWin(counts.get(answer), others, unanswered, k, binomial);
            }
        }
        return winning / binomial[n][k];
    }

    /**
     * The k-subsets in which an answer with {@code count} samples wins, each weighted by its chance of winning
     * the tie: with j of its samples drawn, every other answer has at most j, and t others exactly j split it.
     */
    private static double waysToWin(int count, List<Integer> others, int unanswered, int k, double[][] binomial) {
        double ways = 0;
        for (int j = 1; j <= Math.min(count, k); j++) {
            int rest = k - j;
            // byDrawn[s][t]: ways to draw s samples from the other answers, none above j, t of them tied at j.
            double[][] byDrawn = new double[rest + 1][others.size() + 1];
            byDrawn[0][0] = 1;
            for (int other : others) {
                double[][] next = new double[rest + 1][others.size() + 1];
                for (int s = 0; s <= rest; s++) {
                    for (int t = 0; t <= others.size(); t++) {
                        if (byDrawn[s][t] == 0) {
                            continue;
                        }
                        for (int x = 0; x <= Math.min(Math.min(other, j), rest - s); x++) {
                            next[s + x][x == j ? t + 1 : t] += byDrawn[s][t] * binomial[other][x];
                        }
                    }
                }
                byDrawn = next;
            }
            double split = 0;
            for (int s = 0; s <= rest; s++) {
                int fromUnanswered = rest - s;
                if (fromUnanswered > unanswered) {
                    continue;
                }
                for (int t = 0; t <= others.size(); t++) {
                    split += byDrawn[s][t] * binomial[unanswered][fromUnanswered] / (t + 1);
                }
            }
            ways += binomial[count][j] * split;
        }
        return ways;
    }

    private static double[][] pascal(int n) {
        double[][] table = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            table[i] = new double[i + 1];
            table[i][0] = 1;
            table[i][i] = 1;
            for (int j = 1; j < i; j++) {
                table[i][j] = table[i - 1][j - 1] + table[i - 1][j];
            }
        }
        return table;
    }
}
