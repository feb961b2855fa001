// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureOrderTest {

    @Test
    void percentagesSortByTheirValueAndTheDashForNothingGoesLast() {
        assertThat(sorted("100.0%", "–", "50.0%", "9.5%", "")).containsExactly("9.5%", "50.0%", "100.0%", "", "–");
    }

    @Test
    void countsSortAsNumbersNotAsText() {
        assertThat(sorted("10", "9", "100", "0")).containsExactly("0", "9", "10", "100");
    }

    @Test
    void signedDifferencesSortBelowZeroFirstWhateverTheMinusSign() {
        assertThat(sorted("+3.0 points", "\u22122.0 points", "\u00b10.0 points", "-12.5 points", "+12.0 points"))
                .containsExactly("-12.5 points", "\u22122.0 points", "\u00b10.0 points", "+3.0 points",
                        "+12.0 points");
    }

    @Test
    void intervalsSortByTheirLowerBound() {
        assertThat(sorted("[40.0%, 60.0%]", "[5.0%, 90.0%]", "[40.0%, 50.0%]"))
                .containsExactly("[5.0%, 90.0%]", "[40.0%, 50.0%]", "[40.0%, 60.0%]");
    }

    @Test
    void namesWithoutALeadingNumberGoInNaturalOrder() {
        assertThat(sorted("cot-10", "direct", "cot-2")).containsExactly("cot-2",
                "cot-10", "direct");
    }

    @Test
    void theLeadingNumberIsReadWithItsSignAndDecimals() {
        assertThat(FigureOrder.leadingNumber("12.5% (3 of 24)")).isEqualTo(12.5);
        assertThat(FigureOrder.leadingNumber("\u22120.5 points")).isEqualTo(-0.5);
        assertThat(FigureOrder.leadingNumber("7.")).isEqualTo(7.0);
        assertThat(FigureOrder.leadingNumber("–")).isNaN();
        assertThat(FigureOrder.leadingNumber("+")).isNaN();
    }

    private static List<String> sorted(String... texts) {
        List<String> list = new ArrayList<>(List.of(texts));
        list.sort(FigureOrder.INSTANCE);
        return list;
    }
}
