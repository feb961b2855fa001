// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoiceExtractionTest {
    private final AnswerExtractor extractor = choice(null);

    private static AnswerExtractor choice(@Nullable String letters) {
        return AnswerExtractor.of(new AnswerFormat(ExtractRule.CHOICE, null, null, letters, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            The answer is (B).                      | B
            the answer is B                         | B
            So the final answer is: D.              | D
            The answer is (c).                      | C
            The answer is **B**.                    | B
            The answer is **(E)**                   | E
            answer is A, since it comes first       | A
            """)
    void letterAfterAnswerIsIsFound(String completion, String expected) {
        assertThat(extractor.extract(completion)).contains(expected);
    }

    @Test
    void answerIsBeatsALaterLetterInParentheses() {
        assertThat(extractor.extract("The answer is (B). (A) is wrong because it is too early.")).contains("B");
    }

    @Test
    void wordAfterAnswerIsIsNotALetter() {
        assertThat(extractor.extract("I think the answer is Because it rolls.")).isEmpty();
        assertThat(extractor.extract("The answer is Because the ball rolls, so (D) fits.")).contains("D");
    }

    @Test
    void lowerCaseBareWordAfterAnswerIsIsNotALetter() {
        assertThat(extractor.extract("The answer is a red ball.")).isEmpty();
    }

    @Test
    void lastLetterInParenthesesIsFoundWithoutThePhrase() {
        assertThat(extractor.extract("(A) is too early and (C) fits the timeline.")).contains("C");
    }

    @Test
    void disallowedLettersAreSkipped() {
        AnswerExtractor abcd = choice("ABCD");

        assertThat(abcd.extract("The answer is (E).")).isEmpty();
        assertThat(abcd.extract("The answer is E, no wait, (C) and not (F).")).contains("C");
        assertThat(abcd.extract("F")).isEmpty();
    }

    @Test
    void allowedLettersMayBeGivenInLowerCase() {
        assertThat(choice("abc").extract("The answer is (b).")).contains("B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"B", "B.", "B)", " (B) ", "b", "\n**B**\n"})
    void replyThatIsJustTheLetterIsFound(String completion) {
        assertThat(extractor.extract(completion)).contains("B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bob", "B and C", "", "I am not sure.", "(Z)"})
    void replyWithoutAnAllowedLetterHasNoAnswer(String completion) {
        assertThat(extractor.extract(completion)).isEmpty();
    }

    @Test
    void answerFollowedByItsReason() {
        assertThat(extractor.extract("The answer is (C) because Saturday comes nine days after Thursday."))
                .contains("C");
    }
}
