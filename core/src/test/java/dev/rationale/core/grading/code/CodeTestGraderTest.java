// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Code is graded by the share of its case's tests that pass, and a note that names the first failure. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CodeTestGraderTest {
    private static final String DOUBLE = "def double(x):\n    return x * 2\n";
    private static final String TESTS = "assert double(2) == 4\nassert double(-1) == -2\nassert double(0) == 0\n";

    @Test
    void codeThatPassesEveryTestIsCorrect() throws Exception {
        Grade grade = SandboxedCode.grade(DOUBLE, TESTS);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        GradeDetail detail = grade.detail();
        assertThat(detail.grader()).isEqualTo(GradeDetail.TESTS);
        assertThat(detail.score()).isEqualTo(1.0);
        assertThat(detail.note()).isEqualTo("3 of 3 tests passed");
        assertThat(detail.request()).contains("# solution.py\n" + DOUBLE.strip()).contains("# tests.py\n"
                + TESTS.strip());
    }

    @Test
    void failingCodeScoresTheShareThatPassedAndNamesTheFirstFailure() throws Exception {
        Grade grade = SandboxedCode.grade("def double(x):\n    print('doubling', x)\n    return x + 2\n", TESTS);

        assertThat(grade.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade.detail().score()).isEqualTo(1.0 / 3);
        assertThat(grade.detail().note()).isEqualTo("1 of 3 tests passed; first failure: line 2, assert double(-1)"
                + " == -2: AssertionError: got 1");
        // The program's own prints are its output, the reply.
        assertThat(grade.detail().reply()).contains("doubling 2").contains("doubling -1");
    }

    @Test
    void anExceptionFailsOnlyItsOwnTest() throws Exception {
        Grade grade = SandboxedCode.grade("def double(x):\n    return x * 2 if x else 1 / x\n", TESTS);

        assertThat(grade.detail().score()).isEqualTo(2.0 / 3);
        assertThat(grade.detail().note()).endsWith("first failure: line 3, assert double(0) == 0:"
                + " ZeroDivisionError: division by zero");
    }

    @Test
    void codeWithASyntaxErrorPassesNothing() throws Exception {
        Grade grade = SandboxedCode.grade("def double(x)\n    return x * 2\n", TESTS);

        assertThat(grade.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade.detail().score()).isZero();
        assertThat(grade.detail().note()).startsWith("0 of 3 tests passed; the code does not load: SyntaxError at"
                + " line 1");
    }

    @Test
    void aDemoUnderMainIsNotRun() throws Exception {
        Grade grade = SandboxedCode.grade(DOUBLE + "\nif __name__ == '__main__':\n    print(double(int(input())))\n",
                TESTS);

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void testsThatCannotRunLeaveTheAnswerUngradedWithTheReason() throws Exception {
        Grade unparsable = SandboxedCode.grade(DOUBLE, "assert double(2) ==\n");
        assertThat(unparsable.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(unparsable.detail().score()).isNull();
        assertThat(unparsable.detail().note()).isEqualTo("the case's tests do not parse: line 1: invalid syntax");

        Grade none = SandboxedCode.grade(SandboxedCode.format(null, null), DOUBLE, Map.of());
        assertThat(none.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(none.detail().note()).isEqualTo("the case has no input \"tests\" with its tests");

        Grade rust = SandboxedCode.grade(SandboxedCode.format(null, null), "fn double() {}",
                Map.of("tests", "assert_eq!(double(2), 4);", "language", "Rust"));
        assertThat(rust.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(rust.detail().note()).isEqualTo("code in rust cannot be run; only python tests run so far");

        Grade noAsserts = SandboxedCode.grade(DOUBLE, "import math\n");
        assertThat(noAsserts.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(noAsserts.detail().note()).isEqualTo("the case's tests hold no assert to run");
    }
}
