// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FallbackExtractionTest {
    private final AnswerExtractor answerIsThenLastNumber =
            AnswerExtractor.of(new AnswerFormat(ExtractRule.ANSWER_IS, null, ExtractRule.LAST_NUMBER, null, null));

    @Test
    void fallbackIsUsedWhenTheFirstRuleFindsNothing() {
        assertThat(answerIsThenLastNumber.extract("3 + 4 = 7")).contains("7");
    }

    @Test
    void fallbackIsNotUsedWhenTheFirstRuleFindsAnAnswer() {
        assertThat(answerIsThenLastNumber.extract("The answer is 12. Check: 12 + 1 = 13")).contains("12");
    }

    @Test
    void nothingIsFoundWhenTheFallbackFindsNothingEither() {
        assertThat(answerIsThenLastNumber.extract("I do not know.")).isEmpty();
    }

    @Test
    void withoutAFallbackNothingIsFound() {
        AnswerExtractor answerIsOnly =
                AnswerExtractor.of(new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, null));

        assertThat(answerIsOnly.extract("3 + 4 = 7")).isEmpty();
    }

    @Test
    void defaultFormatReadsAnswerIs() {
        assertThat(AnswerExtractor.of(AnswerFormat.DEFAULT).extract("Well, the answer is Paris.")).contains("Paris");
    }

    @Test
    void fallbackMayBeAnyRule() {
        AnswerExtractor choiceThenFirstLine =
                AnswerExtractor.of(new AnswerFormat(ExtractRule.CHOICE, null, ExtractRule.FIRST_LINE, null, null));

        assertThat(choiceThenFirstLine.extract("\nNone of them\nreally")).contains("None of them");
    }
}
