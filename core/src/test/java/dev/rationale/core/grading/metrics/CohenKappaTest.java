// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohenKappaTest {
    private static final double EXACT = 1e-12;

    /** A label per letter (P pass, F fail, or grades A, B, C); "-" for no label. */
    private static List<String> labels(String letters) {
        return letters.chars().mapToObj(c -> c == '-' ? null : String.valueOf((char) c)).toList();
    }

    private static List<Boolean> repeat(boolean label, int count) {
        return Collections.nCopies(count, label);
    }

    @Test
    void wikipediasPassFailExampleGivesPointFour() {
        // The worked example of Wikipedia's "Cohen's kappa" article: 50 items; both yes 20, first yes and second
        // no 5, first no and second yes 10, both no 15. observed = 35/50 = 0.7; the first says yes 25/50, the
        // second 30/50: chance = 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
        List<Boolean> first = new ArrayList<>();
        List<Boolean> second = new ArrayList<>();
        first.addAll(repeat(true, 20));
        second.addAll(repeat(true, 20));
        first.addAll(repeat(true, 5));
        second.addAll(repeat(false, 5));
        first.addAll(repeat(false, 10));
        second.addAll(repeat(true, 10));
        first.addAll(repeat(false, 15));
        second.addAll(repeat(false, 15));

        CohenKappa kappa = CohenKappa.of(first, second);

        assertThat(kappa.items()).isEqualTo(50);
        assertThat(kappa.observed()).isCloseTo(0.7, within(EXACT));
        assertThat(kappa.chance()).isCloseTo(0.5, within(EXACT));
        assertThat(kappa.kappa()).hasValueCloseTo(0.4, within(EXACT));
    }

    @Test
    void fullAgreementIsOneAndFullDisagreementWithBalancedLabelsIsMinusOne() {
        assertThat(CohenKappa.of(labels("PFPF"), labels("PFPF")).kappa()).hasValueCloseTo(1.0, within(EXACT));
        // observed 0, chance 1/2 * 1/2 + 1/2 * 1/2 = 1/2: (0 - 1/2) / (1/2) = -1
        assertThat(CohenKappa.of(labels("PFPF"), labels("FPFP")).kappa()).hasValueCloseTo(-1.0, within(EXACT));
    }

    @Test
    void moreThanTwoCategoriesCount() {
        // Grades over 6 items, ABCBAC against ABBBBC: items 1, 2, 4 and 6 agree, observed 4/6. The first gives
        // A 2, B 2, C 2; the second A 1, B 4, C 1: chance = (2*1 + 2*4 + 2*1) / 36 = 1/3;
        // kappa = (2/3 - 1/3) / (1 - 1/3) = 1/2.
        CohenKappa grades = CohenKappa.of(labels("ABCBAC"), labels("ABBBBC"));

        assertThat(grades.items()).isEqualTo(6);
        assertThat(grades.observed()).isCloseTo(4.0 / 6, within(EXACT));
        assertThat(grades.chance()).isCloseTo(1.0 / 3, within(EXACT));
        assertThat(grades.kappa()).hasValueCloseTo(0.5, within(EXACT));
    }

    @Test
    void itemsEitherRaterLeftUnlabelledAreNotCompared() {
        // Items 2 and 4 lack a label: PFP against PFF is left: observed 2/3; first P 2/3 F 1/3, second P 1/3 F 2/3:
        // chance = 2/9 + 2/9 = 4/9; kappa = (2/3 - 4/9) / (5/9) = 2/5.
        CohenKappa kappa = CohenKappa.of(labels("P-FPP"), labels("PPF-F"));

        assertThat(kappa.items()).isEqualTo(3);
        assertThat(kappa.observed()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(kappa.chance()).isCloseTo(4.0 / 9, within(EXACT));
        assertThat(kappa.kappa()).hasValueCloseTo(0.4, within(EXACT));
    }

    @Test
    void oneLabelForEverythingLeavesKappaUndefined() {
        // Every item passed by both: chance agreement 1, (1 - 1) / (1 - 1) has no value.
        CohenKappa allPass = CohenKappa.of(repeat(true, 8), repeat(true, 8));

        assertThat(allPass.items()).isEqualTo(8);
        assertThat(allPass.observed()).isEqualTo(1.0);
        assertThat(allPass.chance()).isEqualTo(1.0);
        assertThat(allPass.kappa()).isEmpty();
        // One rater constant, the other not: chance < 1, kappa defined (0: no agreement beyond chance).
        assertThat(CohenKappa.of(labels("PPPP"), labels("PPFF")).kappa()).hasValueCloseTo(0.0, within(EXACT));
    }

    @Test
    void noItemComparedHasNoKappa() {
        CohenKappa none = CohenKappa.of(labels("P-"), labels("-F"));

        assertThat(none).isEqualTo(new CohenKappa(0, 0, 0));
        assertThat(none.kappa()).isEmpty();
        assertThat(CohenKappa.of(List.of(), List.of()).kappa()).isEmpty();
    }

    @Test
    void listsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> CohenKappa.of(Arrays.asList(true, false), List.of(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cohen's kappa needs both raters' labels of the same items, got 2 and 1 labels");
    }
}
