// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.dataset.DatasetException;
import dev.rationale.core.promptset.InvalidPromptSetException;
import dev.rationale.core.promptset.Problem;
import java.util.List;

/**
 * What "an error with a location" means for each format, as assertions.
 *
 * <ul>
 *   <li>A prompt set (JSON or YAML): every problem has a line and a column, both from 1. The one exception is a
 *       file with nothing in it, which has no place to point at.
 *   <li>A dataset (CSV, JSON Lines, BIG-bench JSON): the error has a line from 1, and a column when the parser
 *       knew it. Bytes that are not UTF-8 also name their byte offset. The exceptions are the problems of the
 *       file as a whole: it is empty, or it holds no cases.
 * </ul>
 */
final class Located {
    private static final List<String> WHOLE_DATASET_PROBLEMS = List.of("is empty", "has no cases");
    private static final String EMPTY_PROMPT_SET = "the file is empty; expected a prompt set";

    private Located() {
    }

    static void assertLocated(InvalidPromptSetException e, String fileName) {
        assertThat(e.problems()).isNotEmpty();
        for (Problem problem : e.problems()) {
            assertThat(problem.file()).endsWith(fileName);
            assertThat(problem.message()).isNotBlank();
            assertThat(problem.format()).as("one line").doesNotContain("\n").doesNotContain("\r");
            if (!problem.message().equals(EMPTY_PROMPT_SET)) {
                assertThat(problem.line()).as("line of: %s", problem).isPositive();
                assertThat(problem.column()).as("column of: %s", problem).isPositive();
            }
        }
    }

    static void assertLocated(DatasetException e, String fileName) {
        assertThat(e.file()).endsWith(fileName);
        assertThat(e.problem()).isNotBlank();
        assertThat(e.getMessage()).as("one line").doesNotContain("\n").doesNotContain("\r");
        if (WHOLE_DATASET_PROBLEMS.stream().noneMatch(e.problem()::startsWith)) {
            assertThat(e.line()).as("line of: %s", e.getMessage()).isPositive();
        }
        if (e.problem().startsWith("not UTF-8: byte")) {
            assertThat(e.problem()).contains(" at offset ");
        }
    }
}
