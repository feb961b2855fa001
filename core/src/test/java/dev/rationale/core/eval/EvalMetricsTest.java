// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The pure metrics against hand-computed numbers. */
class EvalMetricsTest {

    @ParameterizedTest
    @CsvSource({
        "8, 10, 0.4902, 0.9433",
        "10, 10, 0.7225, 1.0",
        "0, 10, 0.0, 0.2775",
        "50, 100, 0.4038, 0.5962",
        "1, 2, 0.0945, 0.9055",
        "0, 0, 0.0, 1.0"})
    void wilsonIntervalsMatchHandComputedBounds(int successes, int trials, double low, double high) {
        WilsonInterval interval = WilsonInterval.of(successes, trials);

        assertThat(interval.low()).isCloseTo(low, within(0.0005));
        assertThat(interval.high()).isCloseTo(high, within(0.0005));
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        LatencyStats stats = LatencyStats.of(List.of(1000.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0,
                800.0, 900.0));

        assertThat(stats.count()).isEqualTo(10);
        assertThat(stats.meanMillis()).isEqualTo(550.0);
        assertThat(stats.p50Millis()).isEqualTo(500.0);
        assertThat(stats.p95Millis()).isEqualTo(1000.0);
        assertThat(LatencyStats.of(List.of(42.0)).p95Millis()).isEqualTo(42.0);
        assertThat(LatencyStats.of(List.of())).isEqualTo(LatencyStats.NONE);
    }

    @Test
    void calibrationBinsHoldMeanConfidenceAndAccuracyWithACertainAnswerInTheLastBin() {
        CalibrationBins bins = CalibrationBins.of(List.of(
                new CalibrationBins.Point(0.95, true), new CalibrationBins.Point(1.0, true),
                new CalibrationBins.Point(0.91, false), new CalibrationBins.Point(0.62, true),
                new CalibrationBins.Point(0.0, false)), 10);

        assertThat(bins.bins()).hasSize(10);
        CalibrationBins.Bin top = bins.bins().get(9);
        assertThat(top.count()).isEqualTo(3);
        assertThat(top.meanConfidence()).isCloseTo((0.95 + 1.0 + 0.91) / 3, within(1e-9));
        assertThat(top.accuracy()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(bins.bins().get(6).count()).isEqualTo(1);
        assertThat(bins.bins().get(0).accuracy()).isEqualTo(0.0);
        assertThat(bins.bins().get(3).count()).isZero();
        assertThat(bins.bins().get(3).accuracy()).isNull();
        // ECE = 3/5 * |2/3 - 0.9533| + 1/5 * |1 - 0.62| + 1/5 * |0 - 0|
        double expected = 0.6 * Math.abs(2.0 / 3 - (0.95 + 1.0 + 0.91) / 3) + 0.2 * 0.38;
        assertThat(bins.expectedCalibrationError()).isCloseTo(expected, within(1e-9));
    }
}
