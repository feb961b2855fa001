// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link AtKScores}' figures summed a case at a time, so that a cell's pass@k, maj@k and cons@k need no list of its
 * cases: each case adds its scores for every k up to its own samples, and the means are taken at the end over the
 * k that every case reached. Not thread-safe.
 */
public final class AtKSums {
    // Index i holds k = 2^i; a case of n samples reaches k <= n, so 31 entries cover any int.
    private final double[] pass = new double[31];
    private final double[] maj = new double[31];
    private final double[] cons = new double[31];
    private int cases;
    private int fewest = Integer.MAX_VALUE;

    /** Adds one graded case's answered samples, in sample order; an empty case is skipped. */
    public void add(List<AtKScores.Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        cases++;
        fewest = Math.min(fewest, samples.size());
        int correct = (int) samples.stream().filter(AtKScores.Sample::correct).count();
        List<Integer> ks = AtKScores.ks(samples.size());
        for (int i = 0; i < ks.size(); i++) {
            int k = ks.get(i);
            pass[i] += AtKScores.passAtK(samples.size(), correct, k);
            maj[i] += AtKScores.majAtK(samples, k);
            cons[i] += AtKScores.consAtK(samples, k);
        }
    }

    /** The means over the cases added, one entry per k up to the fewest samples a case had; empty with none. */
    public List<AtK> scores() {
        if (cases == 0) {
            return List.of();
        }
        List<AtK> scores = new ArrayList<>();
        List<Integer> ks = AtKScores.ks(fewest);
        for (int i = 0; i < ks.size(); i++) {
            scores.add(new AtK(ks.get(i), pass[i] / cases, maj[i] / cases, cons[i] / cases));
        }
        return scores;
    }
}
