// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The summable counts behind chrF and BLEU, as a cell keeps them: added, stored, read back, checked. */
class MetricStatsTest {

    @Test
    void chrfCountsAddOrderByOrder() {
        ChrfStats first = ChrfStats.of(2, 0, new long[] {2, 1}, new long[] {3, 2}, new long[] {2, 1});
        ChrfStats second = ChrfStats.of(2, 0, new long[] {2, 1}, new long[] {2, 1}, new long[] {1, 0});

        ChrfStats sum = first.plus(second);

        assertThat(sum).isEqualTo(ChrfStats.of(2, 0, new long[] {4, 2}, new long[] {5, 3}, new long[] {3, 1}));
        assertThat(ChrfStats.zero(2, 0).plus(first)).isEqualTo(first);
        assertThat(sum.hashCode()).isEqualTo(
                ChrfStats.of(2, 0, new long[] {4, 2}, new long[] {5, 3}, new long[] {3, 1}).hashCode());
    }

    @Test
    void chrfCountsReadBackScoreAsComputed() {
        ChrfStats computed = Chrf.CHRF2.stats("Größe", "Grösse");
        long[] hypothesis = new long[6];
        long[] reference = new long[6];
        long[] matches = new long[6];
        for (int i = 0; i < 6; i++) {
            hypothesis[i] = computed.hypothesisCount(i);
            reference[i] = computed.referenceCount(i);
            matches[i] = computed.matches(i);
        }

        ChrfStats stored = ChrfStats.of(6, 0, hypothesis, reference, matches);
        hypothesis[0] = 99;

        assertThat(stored).isEqualTo(computed);
        assertThat(Chrf.CHRF2.score(stored)).isCloseTo(Chrf.CHRF2.score(computed), within(0.0));
    }

    @Test
    void impossibleChrfCountsAreRefused() {
        assertThatThrownBy(() -> ChrfStats.of(6, 0, new long[2], new long[2], new long[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chrF counts need 6 orders, got 2, 2 and 2");
        assertThatThrownBy(() -> ChrfStats.of(1, 0, new long[] {1}, new long[] {3}, new long[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chrF counts of order 1 are impossible: 2 matches of 1 hypothesis and 3 reference n-grams");
        assertThatThrownBy(() -> ChrfStats.zero(6, 0).plus(ChrfStats.zero(6, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChrfStats.zero(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bleuCountsAddLengthsAndOrders() {
        BleuStats first = BleuStats.of(4, 4, new long[] {3, 2, 1, 0}, new long[] {4, 3, 2, 1});
        BleuStats second = BleuStats.of(6, 7, new long[] {5, 3, 2, 1}, new long[] {6, 5, 4, 3});

        BleuStats sum = first.plus(second);

        assertThat(sum).isEqualTo(BleuStats.of(10, 11, new long[] {8, 5, 3, 1}, new long[] {10, 8, 6, 4}));
        assertThat(sum.hypothesisLength()).isEqualTo(10);
        assertThat(sum.referenceLength()).isEqualTo(11);
        assertThat(sum.matches(3)).isEqualTo(1);
        assertThat(sum.total(3)).isEqualTo(4);
        assertThat(BleuStats.zero(4).plus(first)).isEqualTo(first);
    }

    @Test
    void brevityPenaltyOnlyPunishesShortHypotheses() {
        // exp(1 - 11/10) for 10 tokens against 11; none when longer; 0 for nothing against something.
        assertThat(BleuStats.of(10, 11, new long[4], new long[4]).brevityPenalty()).isCloseTo(Math.exp(-0.1),
                within(1e-15));
        assertThat(BleuStats.of(12, 11, new long[4], new long[4]).brevityPenalty()).isEqualTo(1.0);
        assertThat(BleuStats.of(0, 11, new long[4], new long[4]).brevityPenalty()).isZero();
        assertThat(BleuStats.zero(4).brevityPenalty()).isEqualTo(1.0);
    }

    @Test
    void impossibleBleuCountsAreRefused() {
        assertThatThrownBy(() -> BleuStats.of(1, 1, new long[] {2}, new long[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BLEU counts of order 1 are impossible: 2 matches of 1 n-grams");
        assertThatThrownBy(() -> BleuStats.of(1, 1, new long[4], new long[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BleuStats.of(-1, 1, new long[4], new long[4]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BleuStats.zero(4).plus(BleuStats.zero(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BleuStats.zero(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
