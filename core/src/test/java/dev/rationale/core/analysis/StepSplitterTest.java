// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepSplitterTest {

    /** The steps of the whole chain, joined by "|"; {@code \n} and {@code \r} in the table stand for line breaks. */
    private static String steps(String chain) {
        String text = chain.replace("\\n", "\n").replace("\\r", "\r");
        return StepSplitter.split(text, new Range(0, text.length())).stream()
                .map(range -> range.of(text))
                .collect(Collectors.joining("|"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            First.\\nSecond.                               | First.#Second.
            First.\\n\\n   Second.  \\n                   | First.#Second.
            First.\\r\\nSecond.                           | First.#Second.
            1. Add 2.\\n2. Add 3.                         | 1. Add 2.#2. Add 3.
            Step 1: halve it\\nStep 2: add one            | Step 1: halve it#Step 2: add one
            - apples\\n- pears and plums. Then more.      | - apples#- pears and plums. Then more.
            Roger has 5 balls. He buys 2 cans. 5 + 6 = 11. | Roger has 5 balls.#He buys 2 cans.#5 + 6 = 11.
            Is it 3? Yes! It is.                          | Is it 3?#Yes!#It is.
            Pi is 3.14 here. Then stop.                   | Pi is 3.14 here.#Then stop.
            It costs 5. then we pay.                      | It costs 5. then we pay.
            He said "yes." Then he left.                  | He said "yes."#Then he left.
            1. Multiply 6 by 7. 2. Add 1.                 | 1. Multiply 6 by 7.#2. Add 1.
            ~~                                            | ~~
            ~  \\n\\n ~                                   | ~~
            """)
    void splitsOnLinesOrElseOnSentences(String chain, String expected) {
        assertThat(steps(chain)).isEqualTo(expected.replace('#', '|'));
    }

    @Test
    void stepsAreRangesOfTheGivenRegion() {
        String text = "<think>A.\nB.</think>Answer";

        List<Range> steps = StepSplitter.split(text, new Range(7, 12));

        assertThat(steps).containsExactly(new Range(7, 9), new Range(10, 12));
    }

    @Test
    void noBreakSpacesAreTrimmed() {
        assertThat(steps("\u00A0First.\u00A0\nSecond.")).isEqualTo("First.|Second.");
    }
}
