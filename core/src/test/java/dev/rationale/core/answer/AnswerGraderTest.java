// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerGraderTest {
    private final AnswerGrader numeric = grader(ExtractRule.LAST_NUMBER, CompareRule.NUMERIC);

    private static AnswerGrader grader(ExtractRule extract, CompareRule compare) {
        return AnswerGrader.of(new AnswerFormat(extract, null, null, null, compare));
    }

    @Test
    void matchingAnswerIsCorrect() {
        AnswerGrader grader = grader(ExtractRule.ANSWER_IS, CompareRule.NUMERIC);

        assertThat(grader.grade("So the final answer is $1,000.", "1000"))
                .isEqualTo(new Grade(Verdict.CORRECT, "$1,000", "1000"));
    }

    @Test
    void thinkingLeftInTheTextIsNeverGraded() {
        assertThat(numeric.grade("<think>Maybe 41? No: 6 * 7 = 42.</think>\n\nThe answer is 41.", "42"))
                .isEqualTo(new Grade(Verdict.WRONG, "41", "41"));
        assertThat(numeric.grade("\n<think>6 * 7 = 42, so 42.</think>", "42").verdict())
                .isEqualTo(Verdict.NO_ANSWER);
        assertThat(numeric.grade("<think>still thinking about 42", "42").verdict()).isEqualTo(Verdict.NO_ANSWER);
    }

    @Test
    void answerOfDropsOnlyTheLeadingThinkBlock() {
        assertThat(ThinkBlock.answerOf("<think>r</think>a <think>x</think>")).isEqualTo("a <think>x</think>");
        assertThat(ThinkBlock.answerOf(" \n<think>r</think>\n\na")).isEqualTo("\n\na");
        assertThat(ThinkBlock.answerOf("plain <think>")).isEqualTo("plain <think>");
        assertThat(ThinkBlock.answerOf("")).isEmpty();
    }

    @Test
    void differentAnswerIsWrong() {
        assertThat(numeric.grade("6 * 7 = 41", "42")).isEqualTo(new Grade(Verdict.WRONG, "41", "41"));
    }

    @Test
    void completionWithoutAnAnswerHasNoAnswer() {
        assertThat(numeric.grade("I am not sure.", "42")).isEqualTo(new Grade(Verdict.NO_ANSWER, null, null));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void missingExpectedAnswerLeavesTheAnswerUngraded(String expected) {
        assertThat(numeric.grade("It is 42.0", expected)).isEqualTo(new Grade(Verdict.UNGRADED, "42.0", "42"));
    }

    @Test
    void compareNoneLeavesTheAnswerUngraded() {
        AnswerGrader none = grader(ExtractRule.WHOLE, CompareRule.NONE);

        assertThat(none.grade(" print(1) ", "print(1)")).isEqualTo(new Grade(Verdict.UNGRADED, "print(1)", "print(1)"));
    }

    @Test
    void missingAnswerBeatsUngraded() {
        AnswerGrader none = grader(ExtractRule.WHOLE, CompareRule.NONE);

        assertThat(none.grade("  \n", null).verdict()).isEqualTo(Verdict.NO_ANSWER);
    }

    @Test
    void defaultFormatReadsAnswerIsAndComparesText() {
        AnswerGrader grader = AnswerGrader.of(AnswerFormat.DEFAULT);

        assertThat(grader.grade("I think the answer is PARIS!", "Paris").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            NUMERIC | 3.80                     | 3.8                     | true
            NUMERIC | 50%                      | 50                      | true
            NUMERIC | $1,000                   | 1000.0                  | true
            NUMERIC | 18 dollars               | 18                      | true
            NUMERIC | 17                       | 18                      | false
            NUMERIC | ten                      | Ten.                    | true
            NUMERIC | 10                       | ten                     | false
            TEXT    | Combien coûte ce vélo ?  | Combien coûte ce vélo?  | true
            TEXT    | Paris                    | Lyon                    | false
            CHOICE  | (b)                      | B                       | true
            CHOICE  | C.                       | B                       | false
            EXACT   | ~ Paris ~                | Paris                   | true
            EXACT   | Paris                    | paris                   | false
            NONE    | ~ x = 1 ~                | x = 1                   | true
            NONE    | x = 1                    | x = 2                   | false
            """)
    void matchesComparesAlreadyExtractedAnswersByTheCompareRule(
            CompareRule compare, String answer, String expected, boolean matches) {
        assertThat(grader(ExtractRule.WHOLE, compare).matches(answer, expected)).isEqualTo(matches);
    }

    @Test
    void normalizedFormIsAVotingKey() {
        assertThat(numeric.normalize("$1,000.00")).isEqualTo(numeric.normalize("1000")).isEqualTo("1000");
    }

    @Test
    void regexFormatWithoutPatternIsRejected() {
        AnswerFormat format = new AnswerFormat(ExtractRule.REGEX, null, null, null, null);

        assertThatThrownBy(() -> AnswerGrader.of(format)).isInstanceOf(IllegalArgumentException.class);
    }
}
