// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RegexExtractionTest {
    private static AnswerExtractor regex(@Nullable String pattern) {
        return AnswerExtractor.of(new AnswerFormat(ExtractRule.REGEX, pattern, null, null, null));
    }

    @Test
    void namedGroupAnswerIsPreferredOverGroupOne() {
        assertThat(regex("(Result|Total): (?<answer>\\d+)").extract("Total: 42 apples")).contains("42");
    }

    @Test
    void groupOneIsUsedWithoutANamedGroup() {
        assertThat(regex("Total = (\\d+)").extract("Subtotal = 5, Total = 12")).contains("12");
    }

    @Test
    void wholeMatchIsUsedWithoutGroups() {
        assertThat(regex("\\d+").extract("3 apples and 4 pears")).contains("3");
    }

    @Test
    void onlyTheFirstMatchCounts() {
        assertThat(regex("x=(\\d*)").extract("x= and later x=5")).isEmpty();
    }

    @Test
    void noMatchHasNoAnswer() {
        assertThat(regex("Result: (\\d+)").extract("No result here.")).isEmpty();
    }

    @Test
    void blankOrUnmatchedGroupHasNoAnswer() {
        assertThat(regex("Answer:(\\s*)").extract("Answer:   ")).isEmpty();
        assertThat(regex("x(y)?").extract("x")).isEmpty();
    }

    @Test
    void groupIsTrimmed() {
        assertThat(regex("Answer:(.*)").extract("Answer:   Paris  ")).contains("Paris");
    }

    @Test
    void compiledExtractorCanBeReused() {
        AnswerExtractor extractor = regex("(?<answer>\\d+) cm");

        assertThat(extractor.extract("350 cm")).contains("350");
        assertThat(extractor.extract("It is 12 cm long")).contains("12");
    }

    @Test
    void missingPatternIsRejected() {
        assertThatThrownBy(() -> regex(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regex")
                .hasMessageContaining("pattern");
        assertThatThrownBy(() -> regex(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingPatternIsRejectedForAFallbackRegexToo() {
        AnswerFormat format = new AnswerFormat(ExtractRule.ANSWER_IS, null, ExtractRule.REGEX, null, null);

        assertThatThrownBy(() -> AnswerExtractor.of(format)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidPatternIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> regex("(unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The answer pattern is not a valid regular expression");
    }

    @Test
    void patternIsIgnoredWhenNoRuleUsesIt() {
        AnswerFormat format = new AnswerFormat(ExtractRule.WHOLE, "(unclosed", null, null, null);

        assertThat(AnswerExtractor.of(format).extract(" text ")).contains("text");
    }
}
