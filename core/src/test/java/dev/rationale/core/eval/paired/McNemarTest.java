// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact McNemar p-value against values worked out by hand, and by Python's exact fractions for large counts. */
class McNemarTest {

    @Test
    void noDiscordantCaseIsNoEvidence() {
        assertThat(McNemar.of(0, 0).p()).isEqualTo(1.0);
        assertThat(McNemar.of(0, 0).significant()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        // 2 * (1/2)^5
        "0, 5, 0.0625",
        "5, 0, 0.0625",
        // 2 * (C(10,0) + C(10,1)) / 2^10 = 2 * 11 / 1024
        "1, 9, 0.021484375",
        "9, 1, 0.021484375",
        // 2 * (1/2)^10
        "10, 0, 0.001953125",
        // min(b, c) at the middle: the doubled tail passes 1
        "3, 3, 1.0",
        // 2 * (1 + 3) / 8
        "1, 2, 1.0"})
    void smallCountsMatchTheHandComputedValues(int b, int c, double p) {
        assertThat(McNemar.of(b, c).p()).isCloseTo(p, within(1e-12));
    }

    // python3: 2 * Fraction(sum(comb(n, i) for i in range(k + 1)), 2 ** n), converted to float.
    @ParameterizedTest
    @CsvSource({
        "480, 520, 0.21744829320414094",
        "2000, 2100, 0.12206497999113813",
        "5000, 5400, 9.116949314540886e-05"})
    void largeCountsStayExactInLogSpace(int b, int c, double p) {
        assertThat(McNemar.of(b, c).p()).isCloseTo(p, within(p * 1e-9));
    }

    @Test
    void belowTheLevelIsSignificant() {
        assertThat(McNemar.of(1, 9).significant()).isTrue();
        assertThat(McNemar.of(0, 5).significant()).isFalse();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> McNemar.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
