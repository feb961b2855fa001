// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import dev.rationale.core.answer.GradeDetail;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns a test run into a {@link GradeDetail}: the score, and a note a user reads to see what went wrong. */
final class CodeTestNote {
    /** How much of a run's output a grade keeps. */
    static final int REPLY_CHARS = 4_000;

    private CodeTestNote() {
    }

    static GradeDetail detail(PythonTestRun.Outcome outcome, SandboxLimits limits, String program,
            SandboxIsolation isolation) {
        PythonTestReport report = outcome.report();
        SandboxResult result = outcome.result();
        @Nullable String reply = reply(result);
        if (report.testsError() != null) {
            return GradeDetail.failed(GradeDetail.TESTS, "the case's tests do not parse: " + report.testsError(),
                    program, reply);
        }
        if (report.total() < 0) {
            return GradeDetail.failed(GradeDetail.TESTS, "the tests did not start (" + isolation.description()
                    + "): " + ending(result, limits) + lastLine(result.stderr()), program, reply);
        }
        if (report.total() == 0) {
            return GradeDetail.failed(GradeDetail.TESTS, "the case's tests hold no assert to run", program, reply);
        }
        double score = (double) report.passed() / report.total();
        String counted = String.format(Locale.ROOT, "%d of %d tests passed", report.passed(), report.total());
        String note;
        if (report.codeError() != null) {
            note = counted + "; the code does not load: " + report.codeError();
        } else if (report.finished()) {
            note = report.firstFailure() == null ? counted : counted + "; first failure: " + report.firstFailure();
        } else {
            String where = report.lastLine() == 0 ? "before the first test" : "after the test at line "
                    + report.lastLine();
            note = counted + "; " + ending(result, limits) + " " + where
                    + (report.firstFailure() == null ? "" : "; first failure: " + report.firstFailure());
        }
        return new GradeDetail(GradeDetail.TESTS, score, note, program, reply);
    }

    private static String ending(SandboxResult result, SandboxLimits limits) {
        return switch (result.ending()) {
            case TIMED_OUT -> "stopped at the time limit of " + limits.wallClock().toSeconds() + " s";
            case OUTPUT_LIMIT -> "stopped for writing more than " + (limits.outputBytes() >> 10) + " KiB of output";
            case EXITED -> "the program ended (exit code " + result.exitCode() + ")";
        };
    }

    private static String lastLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).map(l -> ": " + l.strip()).orElse("");
    }

    private static @Nullable String reply(SandboxResult result) {
        String output = result.stderr();
        if (output.isEmpty()) {
            return null;
        }
        return output.length() <= REPLY_CHARS ? output : output.substring(0, REPLY_CHARS) + "\n[output cut]";
    }
}
