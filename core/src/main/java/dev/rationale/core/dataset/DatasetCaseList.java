// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.CaseList;
import dev.rationale.core.promptset.TestCase;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An unmodifiable list of dataset cases kept compact: their test cases as a {@link CaseList}, their lines in an
 * array, and only for a case whose accepted answers are not just its expected one (a BIG-bench target list, tied
 * top choices) those answers. A dataset file can have hundreds of thousands of rows, read whole and then mapped
 * onto a task's inputs. Thread-safe once built.
 */
final class DatasetCaseList extends AbstractList<DatasetCase> implements RandomAccess {
    private final CaseList cases;
    private final int[] lines;
    private final Map<Integer, List<String>> otherAnswers;

    private DatasetCaseList(CaseList cases, int[] lines, Map<Integer, List<String>> otherAnswers) {
        this.cases = cases;
        this.lines = lines;
        this.otherAnswers = otherAnswers;
    }

    /** {@code cases} itself when it is such a list, else such a list of its cases. */
    static DatasetCaseList copyOf(List<DatasetCase> cases) {
        if (cases instanceof DatasetCaseList list) {
            return list;
        }
        Builder builder = new Builder();
        cases.forEach(builder::add);
        return builder.build();
    }

    @Override
    public DatasetCase get(int index) {
        TestCase testCase = Objects.requireNonNull(cases.get(index));
        List<String> answers = otherAnswers.get(index);
        return new DatasetCase(testCase, answers != null ? answers : expectedOnly(testCase), lines[index]);
    }

    @Override
    public int size() {
        return cases.size();
    }

    private static List<String> expectedOnly(TestCase testCase) {
        return testCase.expected() == null ? List.of() : List.of(testCase.expected());
    }

    /** Adds cases one by one; {@link #build} once. Not thread-safe. */
    static final class Builder {
        private final CaseList.Builder cases = new CaseList.Builder();
        private final Map<Integer, List<String>> otherAnswers = new HashMap<>();
        private int[] lines = new int[1024];

        void add(DatasetCase datasetCase) {
            int index = cases.size();
            if (index == lines.length) {
                lines = Arrays.copyOf(lines, index * 2);
            }
            lines[index] = datasetCase.line();
            if (!datasetCase.answers().equals(expectedOnly(datasetCase.testCase()))) {
                otherAnswers.put(index, datasetCase.answers());
            }
            cases.add(datasetCase.testCase());
        }

        int size() {
            return cases.size();
        }

        /** The id of the case added at {@code index}. */
        String id(int index) {
            return String.valueOf(Objects.requireNonNull(cases.get(index)).id());
        }

        int line(int index) {
            return lines[index];
        }

        DatasetCaseList build() {
            return new DatasetCaseList(cases.build(), Arrays.copyOf(lines, cases.size()), Map.copyOf(otherAnswers));
        }
    }
}
