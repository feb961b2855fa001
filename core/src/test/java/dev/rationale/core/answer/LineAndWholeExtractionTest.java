// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineAndWholeExtractionTest {
    private final AnswerExtractor firstLine =
            AnswerExtractor.of(new AnswerFormat(ExtractRule.FIRST_LINE, null, null, null, null));
    private final AnswerExtractor whole =
            AnswerExtractor.of(new AnswerFormat(ExtractRule.WHOLE, null, null, null, null));

    @Test
    void firstLineSkipsBlankLinesAndIsTrimmed() {
        assertThat(firstLine.extract("\n  \n  Bonjour tout le monde.  \nSecond line"))
                .contains("Bonjour tout le monde.");
    }

    @Test
    void firstLineHandlesWindowsLineBreaks() {
        assertThat(firstLine.extract("\r\n\r\nParis\r\nbecause")).contains("Paris");
    }

    @Test
    void firstLineOfBlankTextHasNoAnswer() {
        assertThat(firstLine.extract(" \n\t\n ")).isEmpty();
        assertThat(firstLine.extract("")).isEmpty();
    }

    @Test
    void wholeTextIsTrimmedButKeepsInnerLines() {
        assertThat(whole.extract("  first\n  second  \n")).contains("first\n  second");
    }

    @Test
    void blankWholeTextHasNoAnswer() {
        assertThat(whole.extract(" \n ")).isEmpty();
    }
}
