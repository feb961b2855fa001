// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerIsExtractionTest {
    private final AnswerExtractor extractor =
            AnswerExtractor.of(new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, null));

    @Test
    void answerIsStopsAtTheEndOfTheSentence() {
        assertThat(extractor.extract("The answer is 42. Next, we check it.")).contains("42");
    }

    @Test
    void periodInsideANumberDoesNotEndTheSentence() {
        assertThat(extractor.extract("The answer is 3.5.")).contains("3.5");
    }

    @Test
    void dollarAmountKeepsItsSignCommasAndCents() {
        assertThat(extractor.extract("So the final answer is $1,000.")).contains("$1,000");
        assertThat(extractor.extract("The answer is $1,000.50 in all. Done.")).contains("$1,000.50 in all");
    }

    @Test
    void exclamationAndQuestionMarksEndTheSentence() {
        assertThat(extractor.extract("The answer is yes! Easy.")).contains("yes");
        assertThat(extractor.extract("The answer is no? Let me check.")).contains("no");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            THE ANSWER IS 12.               | 12
            The Final Answer Is 12          | 12
            The answer is: 12.              | 12
            The final answer is:12          | 12
            The answer is **12**.           | 12
            **The answer is 12.**           | 12
            The final answer is: **7.5**    | 7.5
            The answer is "Paris".          | Paris
            The answer is “Paris.”          | Paris
            The answer is `O(n log n)`.     | O(n log n)
            The answer is the students'.    | the students'
            """)
    void phraseVariantsMarkdownAndQuotesAreAccepted(String completion, String expected) {
        assertThat(extractor.extract(completion)).contains(expected);
    }

    @Test
    void firstOccurrenceWins() {
        assertThat(extractor.extract("The answer is 12. Wait, let me re-check: the answer is 14."))
                .contains("12");
    }

    @Test
    void answerStopsAtTheEndOfTheLine() {
        assertThat(extractor.extract("The answer is 42\nBecause 6 * 7 = 42")).contains("42");
    }

    @Test
    void answerOnTheLineAfterThePhraseIsFound() {
        assertThat(extractor.extract("The final answer is:\n\n**42**\n\nHope this helps.")).contains("42");
    }

    @Test
    void occurrenceWithNothingAfterItGivesWayToTheNextOne() {
        assertThat(extractor.extract("I wonder what the answer is. 3 + 4 = 7. The answer is 7.")).contains("7");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            I do not know what the answer is
            The answer is.
            The answer is **
            The answer is ""
            42
            Answer: 42
            The answers is 42
            The answer isn't obvious, maybe 42
            """)
    void nothingIsFoundWithoutAnAnswerAfterThePhrase(String completion) {
        assertThat(extractor.extract(completion)).isEmpty();
    }

    @Test
    void nothingAfterThePhraseAtTheEndOfAMultiLineText() {
        assertThat(extractor.extract("Let me think.\nThe answer is\n\n")).isEmpty();
    }

    @Test
    void chainOfThoughtEndingWithTheAnswer() {
        String completion = " Roger starts with 5 balls. 2 cans of 3 tennis balls each is 6 tennis balls."
                + " 5 + 6 = 11. So the answer is 42.\n\nQ: next question";

        assertThat(extractor.extract(completion)).contains("42");
    }
}
