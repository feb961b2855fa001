// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;

/**
 * A cell's latencies as they come, for {@link LatencyStats} without keeping every one of a long run. Up to
 * {@value #EXACT} values are kept as they are and give exactly the figures {@link LatencyStats#of} gives. Past that
 * they go into buckets each 0.1% wider than the one below, from 1 µs up, each remembering the first latency it
 * received: a percentile is then that latency of the bucket the nearest rank falls in, a latency that was measured
 * and within 0.1% of the exact one; the mean stays exact up to the order of summing. Not thread-safe.
 */
final class LatencySketch {
    static final int EXACT = 1 << 16;
    private static final double LOWEST = 0.001;
    private static final double GROWTH = Math.log1p(0.001);
    private static final int BUCKETS = 1 + (int) Math.ceil(Math.log(1e9 / LOWEST) / GROWTH);

    private double[] exact = new double[64];
    private int count;
    private long[] counts;
    private double[] seen;
    private final DoubleSummaryStatistics sum = new DoubleSummaryStatistics();

    void add(double millis) {
        sum.accept(millis);
        if (counts == null && count < EXACT) {
            if (count == exact.length) {
                exact = Arrays.copyOf(exact, Math.min(EXACT, 2 * count));
            }
            exact[count++] = millis;
            return;
        }
        if (counts == null) {
            counts = new long[BUCKETS];
            seen = new double[BUCKETS];
            for (int i = 0; i < count; i++) {
                bucket(exact[i]);
            }
            exact = null;
        }
        bucket(millis);
        count++;
    }

    LatencyStats stats() {
        if (count == 0) {
            return LatencyStats.NONE;
        }
        if (counts == null) {
            double[] sorted = Arrays.copyOf(exact, count);
            Arrays.sort(sorted);
            return LatencyStats.ofSorted(sorted);
        }
        return new LatencyStats(count, sum.getAverage(), nearestRank(0.50), nearestRank(0.95));
    }

    private void bucket(double millis) {
        int b = millis <= LOWEST ? 0 : (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(millis / LOWEST) / GROWTH));
        if (counts[b]++ == 0) {
            seen[b] = millis;
        }
    }

    private double nearestRank(double p) {
        long rank = Math.max(1, Math.min(count, (long) Math.ceil(p * count)));
        long below = 0;
        for (int b = 0; b < BUCKETS; b++) {
            below += counts[b];
            if (below >= rank) {
                return seen[b];
            }
        }
        return seen[BUCKETS - 1];
    }
}
