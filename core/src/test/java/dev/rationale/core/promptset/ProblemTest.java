// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void formatsLikeACompilerMessage() {
        Problem problem = new Problem("maths.rationale.json", 41, 20, "tasks[0].variants[2].shots",
                "must be 0 or more, got -1");

        assertThat(problem.format())
                .isEqualTo("maths.rationale.json:41:20: tasks[0].variants[2].shots: must be 0 or more, got -1");
        assertThat(problem).hasToString(problem.format());
    }

    @Test
    void leavesOutAnUnknownLocation() {
        assertThat(Problem.of("gone.rationale.json", "cannot read: no such file").format())
                .isEqualTo("gone.rationale.json: cannot read: no such file");
    }

    @Test
    void leavesOutAnEmptyFieldAndAnEmptyFileName() {
        assertThat(new Problem("a.json", 3, 1, "", "not valid JSON: x").format())
                .isEqualTo("a.json:3:1: not valid JSON: x");
        assertThat(new Problem("", 0, 0, "name", "is required").format()).isEqualTo("name: is required");
    }

    @Test
    void theExceptionMessageListsEveryProblemOnItsOwnLine() {
        InvalidPromptSetException e = new InvalidPromptSetException(List.of(
                new Problem("a.json", 1, 2, "name", "is required"), Problem.of("a.json", "second")));

        assertThat(e).hasMessage("a.json:1:2: name: is required\na.json: second");
        assertThat(e.problems()).hasSize(2);
        assertThat(e.warnings()).isEmpty();
    }
}
