// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.TestCase;
import java.util.List;
import java.util.Map;

/**
 * One case of a dataset: the {@link TestCase} a prompt set can hold (with the options of a multiple-choice case),
 * plus what a test case has no field for.
 *
 * @param testCase the inputs, the expected answer and any scored choices; {@code expected} is the first of
 *     {@code answers}
 * @param answers every accepted answer; none only for a prompt set's case without one (BIG-bench targets may
 *     list several; tied top choices are all correct)
 * @param line the 1-based line of the file the case starts on, for messages
 */
public record DatasetCase(TestCase testCase, List<String> answers, int line) {

    public DatasetCase {
        answers = List.copyOf(answers);
    }

    /** A prompt set's own case: its expected answer (if any) is the one accepted. */
    public static DatasetCase of(TestCase testCase) {
        return new DatasetCase(testCase, testCase.expected() == null ? List.of() : List.of(testCase.expected()), 0);
    }

    /** This case with other inputs, e.g. the file's columns renamed to a task's input variables. */
    public DatasetCase withInputs(Map<String, String> inputs) {
        return new DatasetCase(testCase.withInputs(inputs), answers, line);
    }
}
