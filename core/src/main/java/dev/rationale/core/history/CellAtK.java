// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.analysis.AtK;
import dev.rationale.core.analysis.AtKScores;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AtKScores#of} of one cell, fed a case at a time, so a cell of a million cases needs no more memory than a
 * cell of ten. The figures are for k = 1, 2, 4... up to the fewest samples any case has, which is only known at the
 * end; every case has at least that many, so each case adds its terms for every k up to the fewest seen so far, and
 * the larger k are dropped at the end. The sums are the same, in the same order, as {@code AtKScores.of}'s.
 */
final class CellAtK {
    private final List<double[]> sums = new ArrayList<>();
    private int fewest = Integer.MAX_VALUE;
    private int cases;

    /** Adds one graded case's answered samples, in sample order; an empty case counts for nothing. */
    void add(List<AtKScores.Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        fewest = Math.min(fewest, samples.size());
        cases++;
        int correct = (int) samples.stream().filter(AtKScores.Sample::correct).count();
        List<Integer> ks = AtKScores.ks(fewest);
        for (int i = 0; i < ks.size(); i++) {
            if (i == sums.size()) {
                sums.add(new double[3]);
            }
            int k = ks.get(i);
            double[] sum = sums.get(i);
            sum[0] += AtKScores.passAtK(samples.size(), correct, k);
            sum[1] += AtKScores.majAtK(samples, k);
            sum[2] += AtKScores.consAtK(samples, k);
        }
    }

    /** The cell's figures, one per k ascending; empty when no case had a sample. */
    List<AtK> scores() {
        if (cases == 0) {
            return List.of();
        }
        List<Integer> ks = AtKScores.ks(fewest);
        List<AtK> scores = new ArrayList<>();
        for (int i = 0; i < ks.size(); i++) {
            double[] sum = sums.get(i);
            scores.add(new AtK(ks.get(i), sum[0] / cases, sum[1] / cases, sum[2] / cases));
        }
        return scores;
    }
}
