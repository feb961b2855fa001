// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.analysis.TokenHeat.Measure;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenHeatTest {
    private static final double EPSILON = 1e-12;

    /** A token with probability {@code p} whose alternatives have the given probabilities ("" for no logprob). */
    private static ScoredToken token(double p, String alternatives) {
        List<TokenAlternative> top = new ArrayList<>();
        if (!alternatives.isBlank()) {
            for (String alternative : alternatives.split(" ")) {
                Double logprob = alternative.equals("?") ? null : Math.log(Double.parseDouble(alternative));
                top.add(new TokenAlternative("t" + top.size(), logprob));
            }
        }
        return new ScoredToken("x", List.of(), Math.log(p), top);
    }

    @Test
    void probabilityIsTheExponentialOfTheLogprob() {
        assertThat(TokenHeat.probability(new ScoredToken("x", List.of(), Math.log(0.25), List.of())))
                .isCloseTo(0.25, within(EPSILON));
        assertThat(TokenHeat.probability(new ScoredToken("x", List.of(), 0.0, List.of()))).isEqualTo(1.0);
    }

    @Test
    void tokenWithoutLogprobHasNoProbabilityNorHeat() {
        ScoredToken unscored = new ScoredToken("x", List.of(), null, List.of());

        assertThat(TokenHeat.probability(unscored)).isNull();
        assertThat(TokenHeat.heat(unscored, Measure.PROBABILITY)).isNull();
        assertThat(TokenHeat.heatLevel(unscored, Measure.PROBABILITY, 10)).isNull();
    }

    @ParameterizedTest(name = "alternatives {0}: entropy {1}, normalised {2}")
    @CsvSource(textBlock = """
            1.0,           0.0,                0.0
            0.5 0.5,       0.6931471805599453, 0.6309297535714574
            0.5 0.25,      1.0397207708399179, 0.946394630357186
            0.25 0.25 0.25, 1.3862943611198906, 1.0
            0.9,           0.3250829733914482, 0.46899559358928117
            0.7 0.2,       0.8018185525433374, 0.7298466991620977
            0.6 0.5,       0.6890092384766586, 0.6271632363697399
            0.5 ? 0.25,    1.0397207708399179, 0.946394630357186
            """)
    void entropyCountsTheListedAlternativesAndTheRest(String alternatives, double entropy, double normalized) {
        ScoredToken token = token(0.5, alternatives);

        assertThat(TokenHeat.entropy(token)).isCloseTo(entropy, within(EPSILON));
        assertThat(TokenHeat.normalizedEntropy(token)).isCloseTo(normalized, within(EPSILON));
        assertThat(TokenHeat.heat(token, Measure.ENTROPY)).isCloseTo(normalized, within(EPSILON));
    }

    @Test
    void tokenWithoutScoredAlternativesHasNoEntropy() {
        assertThat(TokenHeat.entropy(token(0.5, ""))).isNull();
        assertThat(TokenHeat.entropy(token(0.5, "? ?"))).isNull();
        assertThat(TokenHeat.normalizedEntropy(token(0.5, ""))).isNull();
        assertThat(TokenHeat.heatLevel(token(0.5, ""), Measure.ENTROPY, 10)).isNull();
    }

    @Test
    void probableTokenIsCalmAndUnlikelyTokenIsHot() {
        assertThat(TokenHeat.heat(token(0.9, ""), Measure.PROBABILITY)).isCloseTo(0.1, within(EPSILON));
        assertThat(TokenHeat.heat(token(0.05, ""), Measure.PROBABILITY)).isCloseTo(0.95, within(EPSILON));
    }

    @ParameterizedTest(name = "{0} in {1} levels is level {2}")
    @CsvSource(textBlock = """
            0.0,   10, 0
            0.05,  10, 0
            0.1,   10, 1
            0.5,   10, 5
            0.95,  10, 9
            1.0,   10, 9
            -0.5,  10, 0
            1.5,   10, 9
            0.75,   4, 3
            0.74,   4, 2
            0.5,    1, 0
            """)
    void levelBucketsAValueIntoEqualParts(double value, int levels, int level) {
        assertThat(TokenHeat.level(value, levels)).isEqualTo(level);
    }

    @Test
    void levelRejectsNaNAndTooFewLevels() {
        assertThatThrownBy(() -> TokenHeat.level(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenHeat.level(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenHeat.legend(Measure.ENTROPY, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "probability {0} is heat level {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            0.99  | 0 | ≥ 90%
            0.95  | 0 | ≥ 90%
            0.85  | 1 | 80–90%
            0.55  | 4 | 50–60%
            0.45  | 5 | 40–50%
            0.15  | 8 | 10–20%
            0.001 | 9 | < 10%
            """)
    void probabilityHeatLevelMatchesItsLegendLabel(double p, int level, String label) {
        assertThat(TokenHeat.heatLevel(token(p, ""), Measure.PROBABILITY, 10)).isEqualTo(level);
        assertThat(TokenHeat.legend(Measure.PROBABILITY).get(level)).isEqualTo(label);
    }

    @ParameterizedTest(name = "alternatives {0} are entropy heat level {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0            | 0 | < 0.1
            0.9            | 4 | 0.4–0.5
            0.5 0.5        | 6 | 0.6–0.7
            0.5 0.25       | 9 | ≥ 0.9
            0.25 0.25 0.25 | 9 | ≥ 0.9
            """)
    void entropyHeatLevelMatchesItsLegendLabel(String alternatives, int level, String label) {
        assertThat(TokenHeat.heatLevel(token(0.5, alternatives), Measure.ENTROPY, 10)).isEqualTo(level);
        assertThat(TokenHeat.legend(Measure.ENTROPY).get(level)).isEqualTo(label);
    }

    @Test
    void legendListsTenLevelsCalmFirst() {
        assertThat(TokenHeat.legend(Measure.PROBABILITY)).containsExactly(
                "≥ 90%", "80–90%", "70–80%", "60–70%", "50–60%", "40–50%", "30–40%", "20–30%", "10–20%", "< 10%");
        assertThat(TokenHeat.legend(Measure.ENTROPY)).containsExactly(
                "< 0.1", "0.1–0.2", "0.2–0.3", "0.3–0.4", "0.4–0.5", "0.5–0.6", "0.6–0.7", "0.7–0.8", "0.8–0.9",
                "≥ 0.9");
    }

    @ParameterizedTest(name = "{0} levels")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 0–100%                      | 0–1
            2 | ≥ 50%;< 50%                 | < 0.5;≥ 0.5
            3 | ≥ 66.7%;33.3–66.7%;< 33.3%  | < 0.33;0.33–0.67;≥ 0.67
            """)
    void legendFitsAnyNumberOfLevels(int levels, String probability, String entropy) {
        assertThat(TokenHeat.legend(Measure.PROBABILITY, levels)).containsExactly(probability.split(";"));
        assertThat(TokenHeat.legend(Measure.ENTROPY, levels)).containsExactly(entropy.split(";"));
    }
}
