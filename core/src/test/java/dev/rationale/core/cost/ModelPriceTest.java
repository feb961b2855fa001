// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Costs worked out by hand: dollars per million tokens, cached and reasoning shares, the batch discount. */
class ModelPriceTest {
    private static final double CENT = 1e-9;
    // $2.50 in, $0.25 cached, $15 out; thinking billed as output; half off in a batch.
    private final ModelPrice price = new ModelPrice("openai", "m", 2.50, 0.25, 15.00, 15.00, 0.5, "", "test");

    @Test
    void freshInputAndOutputAreBilledAtTheirPrices() {
        // 1,000,000 in at $2.50 + 100,000 out at $15 = 2.50 + 1.50.
        assertThat(price.cost(new TokenTotals(1_000_000, 0, 100_000, 0), false)).isCloseTo(4.00, within(CENT));
    }

    @Test
    void cachedPromptTokensAreBilledAtTheCachedPrice() {
        // 6,000 fresh x 2.50 + 4,000 cached x 0.25 + 2,000 out x 15 = 15,000 + 1,000 + 30,000 micro-dollars.
        assertThat(price.cost(new TokenTotals(10_000, 4_000, 2_000, 0), false)).isCloseTo(0.046, within(CENT));
    }

    @Test
    void reasoningTokensAreBilledAtTheReasoningPrice() {
        ModelPrice dearThinking = new ModelPrice("p", "m", 2.50, 0.25, 15.00, 20.00, 0.5, "", "test");
        // 6,000 x 2.50 + 4,000 x 0.25 + 500 answer x 15 + 1,500 thinking x 20 = 15,000 + 1,000 + 7,500 + 30,000.
        assertThat(dearThinking.cost(new TokenTotals(10_000, 4_000, 2_000, 1_500), false))
                .isCloseTo(0.0535, within(CENT));
    }

    @Test
    void aBatchTakesTheDiscountOffEveryToken() {
        TokenTotals tokens = new TokenTotals(10_000, 4_000, 2_000, 1_500);
        assertThat(price.cost(tokens, true)).isCloseTo(0.023, within(CENT));
        // Live and batched completions of one cell: 0.046 + 0.023.
        assertThat(price.cost(tokens, tokens)).isCloseTo(0.069, within(CENT));
    }

    @Test
    void countsThatSayMoreCachedThanSentAreHeldToWhatWasSent() {
        // A backend that reports 5,000 cached of 1,000: all 1,000 are cached, none billed twice.
        assertThat(price.cost(new TokenTotals(1_000, 5_000, 0, 0), false)).isCloseTo(0.00025, within(CENT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0         | $0",
        "0.046     | $0.05",
        "0.00042   | $0.00042",
        "0.0012345 | $0.0012",
        "1234.5    | $1,234.50"})
    void amountsAreWrittenWithCentsOrTwoSignificantDigits(double dollars, String text) {
        assertThat(CostText.usd(dollars)).isEqualTo(text);
    }
}
