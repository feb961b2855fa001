// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.TestCase;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

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

    /**
     * A prompt set's own cases as dataset cases ({@link #of}), each made when it is asked for: the set's list is
     * not copied, and {@link #testCases} gives it back.
     */
    public static List<DatasetCase> ofAll(List<TestCase> cases) {
        return new SetCases(cases);
    }

    /**
     * The test cases of {@code cases}, each taken when it is asked for; the set's own list when they came from
     * {@link #ofAll} (or a part of it).
     */
    public static List<TestCase> testCases(List<DatasetCase> cases) {
        if (cases instanceof SetCases own) {
            return own.cases;
        }
        return new AbstractList<>() {
            @Override
            public TestCase get(int index) {
                return cases.get(index).testCase();
            }

            @Override
            public int size() {
                return cases.size();
            }
        };
    }

    private static final class SetCases extends AbstractList<DatasetCase> implements RandomAccess {
        private final List<TestCase> cases;

        SetCases(List<TestCase> cases) {
            this.cases = cases;
        }

        @Override
        public DatasetCase get(int index) {
            return of(cases.get(index));
        }

        @Override
        public int size() {
            return cases.size();
        }

        @Override
        public List<DatasetCase> subList(int from, int to) {
            return new SetCases(cases.subList(from, to));
        }
    }

    /** This case with other inputs, e.g. the file's columns renamed to a task's input variables. */
    public DatasetCase withInputs(Map<String, String> inputs) {
        return new DatasetCase(testCase.withInputs(inputs), answers, line);
    }
}
