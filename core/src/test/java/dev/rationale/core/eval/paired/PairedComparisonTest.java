// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.answer.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static Map<String, Boolean> side(String... marks) {
        Map<String, Boolean> side = new LinkedHashMap<>();
        for (String mark : marks) {
            side.put(mark.substring(1), mark.charAt(0) == '+');
        }
        return side;
    }

    @Test
    void casesArePairedByKeyAndThoseOnOneSideOnlyAreLeftOutAndCounted() {
        Map<String, Boolean> a = side("+c1", "+c2", "-c3", "-c4", "+only-a");
        Map<String, Boolean> b = side("-c2", "+c3", "+c1", "+c4", "-only-b1", "+only-b2");

        PairedComparison paired = PairedComparison.of(a, b);

        assertThat(paired.pairs()).isEqualTo(4);
        assertThat(paired.bothRight()).isEqualTo(1);
        assertThat(paired.onlyA()).isEqualTo(1);
        assertThat(paired.onlyB()).isEqualTo(2);
        assertThat(paired.onlyInA()).isEqualTo(1);
        assertThat(paired.onlyInB()).isEqualTo(2);
        assertThat(paired.accuracyA()).isCloseTo(0.5, within(1e-12));
        assertThat(paired.accuracyB()).isCloseTo(0.75, within(1e-12));
        assertThat(paired.difference()).isCloseTo(0.25, within(1e-12));
        assertThat(paired.test()).isEqualTo(McNemar.of(1, 2));
        assertThat(paired.better()).isEqualTo(PairedComparison.Better.B);
        assertThat(paired.sentence("base", "cot")).startsWith("cot is better: 75.0% vs 50.0% on 4 paired cases"
                + " (+25.0 points, 95% interval ").endsWith("only cot right on 2, only base on 1; McNemar p = 1.000:"
                + " not significant. 3 cases graded on one side only left out.");
    }

    @Test
    void aClearWinIsSignificant() {
        Map<String, Boolean> a = new LinkedHashMap<>();
        Map<String, Boolean> b = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            a.put("c" + i, i < 10);
            b.put("c" + i, i < 10 || i > 10);
        }

        PairedComparison paired = PairedComparison.of(a, b);

        assertThat(paired.test()).isEqualTo(McNemar.of(0, 9));
        assertThat(paired.significant()).isTrue();
        assertThat(paired.interval().contains(paired.difference())).isTrue();
        assertThat(paired.sentence("A", "B")).contains("McNemar p = 0.004: significant at 0.05.");
    }

    @Test
    void sidesThatAgreeOnEveryCaseAreSaidToBeTheSame() {
        PairedComparison paired = PairedComparison.of(side("+x"), side("+x"));

        assertThat(paired.better()).isEqualTo(PairedComparison.Better.NEITHER);
        assertThat(paired.sentence("A", "B")).isEqualTo("A and B score the same on 1 paired case (100.0%): they"
                + " agree on every one.");
        assertThat(PairedComparison.points(0)).isEqualTo("0.0");
        assertThat(PairedComparison.points(-0.125)).isEqualTo("-12.5");
    }

    @Test
    void nothingInCommonIsNothingToCompare() {
        PairedComparison paired = PairedComparison.of(side("+x"), side("+y"));

        assertThat(paired.pairs()).isZero();
        assertThat(paired.difference()).isNull();
        assertThat(paired.interval()).isNull();
        assertThat(paired.test().p()).isEqualTo(1.0);
        assertThat(paired.sentence("A", "B")).isEqualTo("No case graded on both sides: nothing to compare. 2 cases"
                + " graded on one side only left out.");
    }

    @Test
    void aCaseOfSeveralSamplesIsCorrectWhenMostOfItsGradedSamplesAre() {
        Verdict c = Verdict.CORRECT;
        Verdict w = Verdict.WRONG;
        assertThat(SampleVerdicts.correct(List.of(c, c, w))).isTrue();
        assertThat(SampleVerdicts.correct(List.of(c, w, Verdict.NO_ANSWER))).isFalse();
        assertThat(SampleVerdicts.correct(List.of(c, w))).as("a tie is no majority").isFalse();
        assertThat(SampleVerdicts.correct(List.of(c, Verdict.FAILED, Verdict.UNGRADED))).isTrue();
        assertThat(SampleVerdicts.correct(List.of(Verdict.FAILED, Verdict.UNGRADED))).isNull();
        assertThat(SampleVerdicts.correct(List.of())).isNull();
    }
}
