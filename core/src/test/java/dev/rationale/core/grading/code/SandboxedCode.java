// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CodeTestsSpec;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.TestCase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Grades code with the machine's own sandbox and Python, as a run does. */
final class SandboxedCode {
    private SandboxedCode() {
    }

    /** The interpreter; the test is skipped on a machine without Python 3. */
    static Path python() {
        assumeTrue(PythonInterpreter.find().isPresent(), "no python3 on this machine");
        return PythonInterpreter.find().orElseThrow();
    }

    /** A tests format with the given limits (null for the defaults). */
    static AnswerFormat format(Integer timeoutSeconds, Integer memoryMb) {
        return new AnswerFormat(ExtractRule.CODE_BLOCK, null, null, null, CompareRule.TESTS, null, null,
                new CodeTestsSpec(null, null, timeoutSeconds, memoryMb));
    }

    static Grade grade(String code, String tests) throws InterruptedException {
        return grade(format(null, null), code, Map.of("tests", tests));
    }

    static Grade grade(AnswerFormat format, String code, Map<String, String> inputs) throws InterruptedException {
        Map<String, String> all = new HashMap<>(inputs);
        all.putIfAbsent("prompt", "write it");
        TestCase testCase = new TestCase("c1", all, null);
        return new CodeTestGrader(format, CodeSandbox.shared(), python())
                .grade(new GradingInput(testCase, "write it", code, new Grade(Verdict.UNGRADED, code, code)));
    }

    /** No process this JVM started is left running. */
    static void nothingLeftRunning() {
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }
}
