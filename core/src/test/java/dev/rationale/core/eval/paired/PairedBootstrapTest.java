// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    // 40 cases: 8 only B got right, 3 only A, the rest agree.
    private static int[] differences() {
        int[] differences = new int[40];
        Arrays.fill(differences, 0, 8, 1);
        Arrays.fill(differences, 8, 11, -1);
        return differences;
    }

    @Test
    void theSameSeedGivesTheSameIntervalTwice() {
        assertThat(PairedBootstrap.interval(differences())).isEqualTo(PairedBootstrap.interval(differences()));
    }

    @Test
    void theOrderOfTheCasesDoesNotMatter() {
        int[] reversed = differences();
        for (int i = 0; i < reversed.length / 2; i++) {
            int swap = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = swap;
        }

        assertThat(PairedBootstrap.interval(reversed)).isEqualTo(PairedBootstrap.interval(differences()));
    }

    @Test
    void theIntervalContainsTheObservedDifference() {
        PairedBootstrap.Interval interval = PairedBootstrap.interval(differences());

        assertThat(interval).isNotNull();
        assertThat(interval.contains(5.0 / 40)).isTrue();
        assertThat(interval.low()).isLessThan(5.0 / 40);
        assertThat(interval.high()).isGreaterThan(5.0 / 40);
        assertThat(interval.low()).isGreaterThanOrEqualTo(-1);
        assertThat(interval.high()).isLessThanOrEqualTo(1);
    }

    @Test
    void anotherSeedMovesTheBoundsOnlyALittle() {
        PairedBootstrap.Interval fixed = PairedBootstrap.interval(differences());
        PairedBootstrap.Interval other = PairedBootstrap.interval(differences(), PairedBootstrap.RESAMPLES, 7);

        assertThat(other.low()).isBetween(fixed.low() - 0.03, fixed.low() + 0.03);
        assertThat(other.high()).isBetween(fixed.high() - 0.03, fixed.high() + 0.03);
    }

    @Test
    void casesThatAllAgreeGiveZeroToZero() {
        assertThat(PairedBootstrap.interval(new int[25])).isEqualTo(new PairedBootstrap.Interval(0, 0));
    }

    @Test
    void agreesWithResamplingTheCasesOneByOne() {
        for (int[] counts : new int[][] {{40, 8, 3}, {200, 30, 30}, {500, 2, 60}, {60, 55, 0}}) {
            int[] differences = new int[counts[0]];
            Arrays.fill(differences, 0, counts[1], 1);
            Arrays.fill(differences, counts[1], counts[1] + counts[2], -1);

            PairedBootstrap.Interval drawnByCounts = PairedBootstrap.interval(differences);
            double[] byCases = resampledOneByOne(differences, 11);

            // Two Monte Carlo estimates of the same percentiles: they differ by sampling noise only.
            double tolerance = 2.0 / counts[0] + 0.01;
            assertThat(drawnByCounts.low()).as("low, %s", Arrays.toString(counts))
                    .isBetween(byCases[0] - tolerance, byCases[0] + tolerance);
            assertThat(drawnByCounts.high()).as("high, %s", Arrays.toString(counts))
                    .isBetween(byCases[1] - tolerance, byCases[1] + tolerance);
        }
    }

    @Test
    void aMillionCasesGiveAnIntervalAroundTheObservedDifference() {
        int[] differences = new int[1_000_000];
        Arrays.fill(differences, 0, 60_000, 1);
        Arrays.fill(differences, 60_000, 110_000, -1);

        PairedBootstrap.Interval interval = PairedBootstrap.interval(differences);

        // Observed 0.01; the standard error of the difference is about 0.00022.
        assertThat(interval.low()).isBetween(0.0093, 0.0097);
        assertThat(interval.high()).isBetween(0.0103, 0.0107);
    }

    @Test
    void aDifferenceOtherThanMinusOneZeroOrOneIsRefused() {
        assertThatThrownBy(() -> PairedBootstrap.interval(new int[] {0, 2, -1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 2");
    }

    // The textbook definition, for comparison: n cases drawn with replacement per resample.
    private static double[] resampledOneByOne(int[] differences, long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int n = differences.length;
        int[] sums = new int[PairedBootstrap.RESAMPLES];
        for (int r = 0; r < sums.length; r++) {
            for (int i = 0; i < n; i++) {
                sums[r] += differences[random.nextInt(n)];
            }
        }
        Arrays.sort(sums);
        return new double[] {(double) sums[250] / n, (double) sums[9_749] / n};
    }

    @Test
    void noCasesGiveNoInterval() {
        assertThat(PairedBootstrap.interval(new int[0])).isNull();
    }
}
