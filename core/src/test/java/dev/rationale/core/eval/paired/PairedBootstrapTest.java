// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import static org.assertj.core.api.Assertions.assertThat;

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
    void noCasesGiveNoInterval() {
        assertThat(PairedBootstrap.interval(new int[0])).isNull();
    }
}
