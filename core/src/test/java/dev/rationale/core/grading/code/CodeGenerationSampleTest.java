// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code-generation sample set is graded by its tests: every case has some, the expected solution passes all of
 * them, and a function that returns None fails at least one (so no case's tests pass anything).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CodeGenerationSampleTest {

    private static Task task() {
        Path file = Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"))
                .resolve("code-generation.rationale.json");
        return PromptSetFiles.load(file).tasks().getFirst();
    }

    @Test
    void everyCasesExpectedSolutionPassesItsTestsAndAStubFailsThem() throws Exception {
        Task task = task();
        AnswerFormat format = task.effectiveAnswer();
        assertThat(format.effectiveCompare()).isEqualTo(CompareRule.TESTS);
        CodeTestGrader grader = new CodeTestGrader(format, CodeSandbox.shared(), SandboxedCode.python());
        assertThat(task.cases()).hasSizeGreaterThanOrEqualTo(10);
        for (TestCase testCase : task.cases()) {
            assertThat(testCase.inputs().get("tests")).as(testCase.id()).contains("assert ");
            Grade expected = grade(grader, testCase, testCase.expected());
            assertThat(expected.verdict()).as(testCase.id() + ": " + expected.detail().note())
                    .isEqualTo(Verdict.CORRECT);
            assertThat(expected.detail().score()).isEqualTo(1.0);

            String name = testCase.inputs().get("prompt").substring("def ".length()).split("\\(")[0];
            Grade stub = grade(grader, testCase, "def " + name + "(*args, **kwargs):\n    return None\n");
            assertThat(stub.verdict()).as(testCase.id() + ": " + stub.detail().note()).isEqualTo(Verdict.WRONG);
        }
    }

    private static Grade grade(CodeTestGrader grader, TestCase testCase, String code) throws InterruptedException {
        return grader.grade(new GradingInput(testCase, "", code, new Grade(Verdict.UNGRADED, code, code)));
    }
}
