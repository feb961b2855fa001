// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.Arrays;
import java.util.List;

/**
 * How long requests took, in milliseconds. Percentiles are nearest-rank: the p-th percentile of n sorted values is
 * the value at rank ceil(p * n), so it is always a latency that was actually measured.
 *
 * @param count how many latencies; the other fields are 0 when it is 0
 */
public record LatencyStats(int count, double meanMillis, double p50Millis, double p95Millis) {

    public static final LatencyStats NONE = new LatencyStats(0, 0, 0, 0);

    public static LatencyStats of(List<Double> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        return ofSorted(millis.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    /** The figures of latencies sorted ascending, at least one. */
    static LatencyStats ofSorted(double[] sorted) {
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new LatencyStats(sorted.length, mean, nearestRank(sorted, 0.50), nearestRank(sorted, 0.95));
    }

    static double nearestRank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
