// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LastNumberExtractionTest {
    private final AnswerExtractor extractor =
            AnswerExtractor.of(new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null, null));

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            There are 3 apples and 12 pears.           | 12
            The temperature fell to -4 degrees.        | -4
            It went from 2 to -15.5 overnight          | -15.5
            A crowd of 1,234,567 people.               | 1,234,567
            It cost $1,000.50 in the end.              | 1,000.50
            The change is 3.80 dollars.                | 3.80
            Pour about .5 litres.                      | .5
            So it is 42.                               | 42
            Read pages 3-5                             | 5
            The list 1,2,3                             | 3
            Between 10,20 and 30                       | 30
            Answer:7                                   | 7
            """)
    void lastNumberIsReturnedAsWritten(String completion, String expected) {
        assertThat(extractor.extract(completion)).contains(expected);
    }

    @Test
    void lastNumberOfAChainOfThought() {
        String completion = "It starts with 3 apples. Ann adds 4 more.\n3 + 4 = 7";

        assertThat(extractor.extract(completion)).contains("7");
    }

    @Test
    void textWithoutANumberHasNoAnswer() {
        assertThat(extractor.extract("I cannot tell, sorry.")).isEmpty();
        assertThat(extractor.extract("")).isEmpty();
    }
}
