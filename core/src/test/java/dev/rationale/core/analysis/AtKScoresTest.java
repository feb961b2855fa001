// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.analysis.AtKScores.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AtKScoresTest {
    private static final double EPSILON = 1e-12;

    /** Samples from letters: an upper-case letter is a correct answer, lower-case wrong, "-" no answer. */
    private static List<Sample> samples(String letters) {
        List<Sample> samples = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            samples.add(c == '-' ? new Sample(null, false)
                    : new Sample(String.valueOf(c), Character.isUpperCase(c)));
        }
        return samples;
    }

    private static double closedForm(int n, int c, int k) {
        return 1 - binomial(n - c, k) / binomial(n, k);
    }

    private static double binomial(int n, int k) {
        if (k > n) {
            return 0;
        }
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
        }
        return result;
    }

    @ParameterizedTest
    @CsvSource({"5, 2, 1, 0.4", "5, 2, 2, 0.7", "5, 0, 1, 0", "5, 0, 4, 0", "5, 5, 1, 1", "5, 5, 5, 1",
            "5, 2, 4, 1", "10, 3, 4, 0.8333333333333334", "1, 1, 1, 1", "1, 0, 1, 0"})
    void passAtKOnKnownCounts(int n, int c, int k, double expected) {
        assertThat(AtKScores.passAtK(n, c, k)).isCloseTo(expected, within(EPSILON));
    }

    @Test
    void passAtKEqualsTheClosedFormEverywhereUpTo40() {
        double worst = 0;
        for (int n = 1; n <= 40; n++) {
            for (int c = 0; c <= n; c++) {
                for (int k = 1; k <= n; k++) {
                    worst = Math.max(worst, Math.abs(AtKScores.passAtK(n, c, k) - closedForm(n, c, k)));
                }
            }
        }
        assertThat(worst).isLessThan(1e-9);
    }

    @Test
    void passAtKRefusesImpossibleCounts() {
        assertThatThrownBy(() -> AtKScores.passAtK(3, 4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtKScores.passAtK(3, 1, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ksAreOneAndThePowersOfTwoUpToN() {
        assertThat(AtKScores.ks(1)).containsExactly(1);
        assertThat(AtKScores.ks(5)).containsExactly(1, 2, 4);
        assertThat(AtKScores.ks(8)).containsExactly(1, 2, 4, 8);
        assertThat(AtKScores.ks(0)).isEmpty();
    }

    @Test
    void majAtKVotesOverTheFirstKSamplesWithTiesToTheAnswerSeenFirst() {
        // A (correct), b, b, A, A: the first sample alone is right, the first three vote b, all five vote A.
        List<Sample> case1 = samples("AbbAA");
        assertThat(AtKScores.majAtK(case1, 1)).isEqualTo(1);
        assertThat(AtKScores.majAtK(case1, 2)).isEqualTo(1); // A and b tie at 1: A was seen first
        assertThat(AtKScores.majAtK(case1, 3)).isEqualTo(0);
        assertThat(AtKScores.majAtK(case1, 4)).isEqualTo(1); // 2 against 2, A first
        assertThat(AtKScores.majAtK(case1, 5)).isEqualTo(1);
        assertThat(AtKScores.majAtK(samples("--A"), 2)).isZero();
    }

    @Test
    void consAtKIsTheMajorityExpectedOverEveryChoiceOfKSamples() {
        // A, b, A: one sample is A 2 times in 3; of the pairs {A,b} twice (a tie, split evenly) and {A,A} once.
        List<Sample> samples = samples("AbA");
        assertThat(AtKScores.consAtK(samples, 1)).isCloseTo(2.0 / 3, within(EPSILON));
        assertThat(AtKScores.consAtK(samples, 2)).isCloseTo((0.5 + 0.5 + 1) / 3, within(EPSILON));
        assertThat(AtKScores.consAtK(samples, 3)).isCloseTo(1, within(EPSILON));
    }

    @Test
    void consAtKCountsUnansweredSamplesAsNoVote() {
        // A, -, b, b: of the 6 pairs, {A,-} wins, {A,b} twice ties (1/2 each), {-,b} twice and {b,b} lose.
        List<Sample> samples = samples("A-bb");
        assertThat(AtKScores.consAtK(samples, 2)).isCloseTo((1 + 0.5 + 0.5) / 6, within(EPSILON));
        // Of the 4 triples: {A,-,b} twice ties at 1 (1/2 each), {A,b,b} and {-,b,b} lose.
        assertThat(AtKScores.consAtK(samples, 3)).isCloseTo(1.0 / 4, within(EPSILON));
        assertThat(AtKScores.consAtK(samples("--"), 1)).isZero();
    }

    @Test
    void consAtKOfAllOrNoneCorrectIsOneOrZero() {
        assertThat(AtKScores.consAtK(samples("AAAAA"), 2)).isCloseTo(1, within(EPSILON));
        assertThat(AtKScores.consAtK(samples("abcab"), 4)).isZero();
    }

    @Test
    void consAtNIsTheMajorityOfAll() {
        List<Sample> samples = samples("AbbAAc-");
        assertThat(AtKScores.consAtK(samples, samples.size())).isEqualTo(AtKScores.majAtK(samples, samples.size()));
    }

    @Test
    void aCellAveragesItsCasesUpToTheFewestSamples() {
        // Case 1: A b b A A (5 samples); case 2: b b A (3). k = 1 and 2.
        List<AtK> scores = AtKScores.of(List.of(samples("AbbAA"), samples("bbA"), List.of()));

        assertThat(scores).extracting(AtK::k).containsExactly(1, 2);
        AtK one = scores.getFirst();
        assertThat(one.pass()).isCloseTo((0.6 + 1.0 / 3) / 2, within(EPSILON));
        assertThat(one.maj()).isCloseTo((1 + 0) / 2.0, within(EPSILON));
        assertThat(one.cons()).isCloseTo(one.pass(), within(EPSILON));
        AtK two = scores.get(1);
        assertThat(two.pass()).isCloseTo((0.9 + 2.0 / 3) / 2, within(EPSILON));
        assertThat(two.maj()).isCloseTo((1 + 0) / 2.0, within(EPSILON));
        // Case 1's pairs: AA 3 (win), Ab 6 (ties, 1/2), bb 1 (lose) = 6/10; case 2's: bb 1, bA 2 (1/2) = 1/3.
        assertThat(two.cons()).isCloseTo((0.6 + 1.0 / 3) / 2, within(EPSILON));
        assertThat(AtKScores.of(List.of())).isEmpty();
    }

    @Test
    void theCellsFiguresAreTheMeansOfEachCasesOverEveryKUpToTheFewestSamples() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<String> answers = java.util.Arrays.asList(null, "", " 3", " 4");
        List<List<Sample>> cases = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            // Mostly one sample, as most runs have; some cases of several, a few empty.
            int n = c % 10 == 0 ? 2 + random.nextInt(7) : c % 37 == 0 ? 0 : 1;
            List<Sample> samples = new ArrayList<>();
            for (int s = 0; s < n; s++) {
                String answer = answers.get(random.nextInt(answers.size()));
                samples.add(new Sample(answer, "".equals(answer) || answer == null && random.nextInt(5) == 0));
            }
            cases.add(samples);
        }
        int fewest = cases.stream().filter(c -> !c.isEmpty()).mapToInt(List::size).min().orElseThrow();

        List<AtK> scores = AtKScores.of(cases);

        assertThat(scores).extracting(AtK::k).containsExactlyElementsOf(AtKScores.ks(fewest));
        for (AtK score : scores) {
            double pass = 0;
            double maj = 0;
            double cons = 0;
            int counted = 0;
            for (List<Sample> samples : cases) {
                if (!samples.isEmpty()) {
                    int correct = (int) samples.stream().filter(Sample::correct).count();
                    pass += AtKScores.passAtK(samples.size(), correct, score.k());
                    maj += AtKScores.majAtK(samples, score.k());
                    cons += AtKScores.consAtK(samples, score.k());
                    counted++;
                }
            }
            assertThat(score.pass()).isEqualTo(pass / counted);
            assertThat(score.maj()).isEqualTo(maj / counted);
            assertThat(score.cons()).isEqualTo(cons / counted);
        }
    }
}
