// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nested objects count too: the first object that has the field, however deep, is the verdict. */
class JsonRepliesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"score\": 3}|3",
        "Sure! {\"reason\": \"ok\", \"score\": 4} Hope that helps.|4",
        "```json\\n{\"score\": 2, \"reason\": \"a } in a string\"}\\n```|2",
        "<think>{\"score\": 1}</think>{\"score\": 5}|5",
        "The question said {\"x\": 1}; my verdict: {\"score\": 2}|2",
        "{\"outer\": {\"score\": 9}}|9",
        "no json here|",
        "{\"score\": 3|",
    })
    void findsTheFirstObjectWithTheField(String reply, String expected) {
        String found = JsonReplies.objectWith(reply.replace("\\n", "\n"), "score")
                .map(o -> o.get("score").asText()).orElse(null);
        assertThat(found).isEqualTo(expected);
    }
}
