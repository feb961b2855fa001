// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.eval.paired.PairedComparison;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedTextTest {

    // n cases; the first onlyA right only for A, the next onlyB right only for B, the rest right for both.
    private static PairedComparison paired(int n, int onlyA, int onlyB) {
        Map<String, Boolean> a = new LinkedHashMap<>();
        Map<String, Boolean> b = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            a.put("c" + i, i >= onlyA && i < onlyA + onlyB ? false : true);
            b.put("c" + i, i < onlyA ? false : true);
        }
        return PairedComparison.of(a, b);
    }

    @Test
    void aSignificantLossIsMarkedAndStarred() {
        PairedText text = PairedText.of(paired(10, 10, 0), "base", "cot");

        assertThat(text.text()).isEqualTo("-100.0 [-100.0, -100.0] · 10/0 · p 0.002 *");
        assertThat(text.mark()).isEqualTo(PairedText.Mark.WORSE);
        assertThat(text.tooltip()).startsWith("base is better: 100.0% vs 0.0% on 10 paired cases");
    }

    @Test
    void aDifferenceThatMayBeChanceIsNotMarked() {
        PairedText text = PairedText.of(paired(10, 1, 2), "base", "cot");

        assertThat(text.text()).startsWith("+10.0 [").endsWith("] · 1/2 · p 1.000");
        assertThat(text.mark()).isEqualTo(PairedText.Mark.NONE);
    }

    @Test
    void theBriefFormKeepsTheDifferenceAndPAndMovesTheIntervalToTheTooltip() {
        PairedText text = PairedText.brief(paired(10, 10, 0), "base", "cot");

        assertThat(text.text()).isEqualTo("-100.0 · p 0.002 *");
        assertThat(text.mark()).isEqualTo(PairedText.Mark.WORSE);
        assertThat(text.tooltip()).startsWith("-100.0 [-100.0, -100.0] · 10/0 · p 0.002 *\nbase is better");
    }

    @Test
    void noPairsSaySo() {
        PairedText text = PairedText.of(PairedComparison.of(Map.of("x", true), Map.of("y", true)), "A", "B");

        assertThat(text.text()).isEqualTo("no pairs");
        assertThat(text.mark()).isEqualTo(PairedText.Mark.NONE);
    }
}
