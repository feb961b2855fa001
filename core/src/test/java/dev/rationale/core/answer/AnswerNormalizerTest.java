// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerNormalizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"1,000", "1000.0", "$1000", "1000", "$1,000.00", " 1000 dollars ", "€1000", "1,000.000"})
    void numericIgnoresCommasCurrencyAndTrailingZeros(String answer) {
        assertThat(AnswerNormalizer.normalize(answer, CompareRule.NUMERIC)).isEqualTo("1000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            50%                 | 50
            18 dollars          | 18
            3.80                | 3.8
            0.50                | 0.5
            .5                  | 0.5
            -0                  | 0
            -0.0                | 0
            -12.50              | -12.5
            -$5                 | -5
            100                 | 100
            1,234,567.890       | 1234567.89
            about 7 or 8 apples | 7
            """)
    void numericTakesTheFirstNumberInCanonicalForm(String answer, String expected) {
        assertThat(AnswerNormalizer.normalize(answer, CompareRule.NUMERIC)).isEqualTo(expected);
    }

    @Test
    void numericWithoutANumberFallsBackToTextForm() {
        assertThat(AnswerNormalizer.normalize("  Forty-Two! ", CompareRule.NUMERIC)).isEqualTo("forty-two");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            PARIS                                       | paris
            ~  New   York\tCity ~                       | new york city
            Paris.                                      | paris
            "Paris!"                                    | paris
            ...Paris?!                                  | paris
            Le marché ouvre à huit heures, le samedi.   | le marché ouvre à huit heures, le samedi
            Combien coûte ce vélo ?                     | combien coûte ce vélo
            Bonjour ! Ça va ?                           | bonjour! ça va
            Il a dit « oui » hier.                      | il a dit «oui» hier
            N’oublie pas ton parapluie.                 | n'oublie pas ton parapluie
            Il dit “oui” ici                            | il dit "oui" ici
            ¿Cuánto cuesta esta bicicleta?              | cuánto cuesta esta bicicleta
            ﬁne                                         | fine
            -5                                          | -5
            .5                                          | .5
            (-5)                                        | -5
            50%                                         | 50%
            50 %                                        | 50%
            """)
    void textIgnoresCaseWhitespaceAndSurroundingPunctuation(String answer, String expected) {
        assertThat(AnswerNormalizer.normalize(answer, CompareRule.TEXT)).isEqualTo(expected);
    }

    @Test
    void textTreatsNoBreakSpacesAsSpaces() {
        assertThat(AnswerNormalizer.normalize("Combien\u00a0coûte\u202fce vélo\u00a0?", CompareRule.TEXT))
                .isEqualTo("combien coûte ce vélo");
    }

    @Test
    void frenchSpaceBeforeInnerPunctuationIsIgnored() {
        assertThat(AnswerNormalizer.normalize("Oui ; non : peut-être", CompareRule.TEXT))
                .isEqualTo(AnswerNormalizer.normalize("Oui; non: peut-être", CompareRule.TEXT));
    }

    @Test
    void exactOnlyStripsSurroundingWhitespace() {
        assertThat(AnswerNormalizer.normalize("  Paris.  \n", CompareRule.EXACT)).isEqualTo("Paris.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            B           | B
            b           | B
            (b)         | B
            B.          | B
            B)          | B
            ~ (C) ~     | C
            **D**       | D
            Option B    | option b
            """)
    void choiceGivesTheUpperCaseLetter(String answer, String expected) {
        assertThat(AnswerNormalizer.normalize(answer, CompareRule.CHOICE)).isEqualTo(expected);
    }

    @Test
    void noneOnlyStripsSurroundingWhitespace() {
        assertThat(AnswerNormalizer.normalize("\n    return x\n", CompareRule.NONE)).isEqualTo("return x");
    }
}
