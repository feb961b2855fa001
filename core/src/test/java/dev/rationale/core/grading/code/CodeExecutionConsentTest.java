// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running generated code is off until a workspace allows it, and a copied workspace does not arrive allowed. */
class CodeExecutionConsentTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T16:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void offUntilAllowedAndOffAgainWhenTurnedOff() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        assertThat(CodeExecutionConsent.allowed(workspace)).isFalse();

        CodeExecutionConsent.set(workspace, true, CLOCK);
        assertThat(CodeExecutionConsent.allowed(workspace)).isTrue();
        assertThat(Files.readString(CodeExecutionConsent.file(workspace))).contains("\"allowed\" : true")
                .contains("2026-12-07T16:00:00Z");

        CodeExecutionConsent.set(workspace, false, CLOCK);
        assertThat(CodeExecutionConsent.allowed(workspace)).isFalse();
    }

    @Test
    void aCopiedWorkspaceOrABrokenFileIsNotAllowed() throws Exception {
        Path original = Files.createDirectories(dir.resolve("mine"));
        CodeExecutionConsent.set(original, true, CLOCK);
        Path copy = Files.createDirectories(dir.resolve("theirs").resolve(".rationale")).getParent();
        Files.copy(CodeExecutionConsent.file(original), CodeExecutionConsent.file(copy));
        assertThat(CodeExecutionConsent.allowed(copy)).isFalse();

        Files.writeString(CodeExecutionConsent.file(original), "{not json");
        assertThat(CodeExecutionConsent.allowed(original)).isFalse();
    }

    @Test
    void whileOffAnswersAreUngradedWithHowToTurnItOn() throws Exception {
        Grade extracted = new Grade(Verdict.UNGRADED, "def f():\n    return 1", "def f():\n    return 1");
        Grade grade = CodeTestGrader.forWorkspace(dir).apply(SandboxedCode.format(null, null)).grade(
                new GradingInput(new TestCase("c1", Map.of("tests", "assert f() == 1"), null), "", "", extracted));

        assertThat(grade.verdict()).isEqualTo(Verdict.UNGRADED);
        assertThat(grade.detail().score()).isNull();
        assertThat(grade.detail().note()).isEqualTo(CodeExecutionConsent.OFF_NOTE)
                .contains("rationale eval --allow-code-execution");
    }
}
