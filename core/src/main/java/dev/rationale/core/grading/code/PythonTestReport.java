// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the harness reported of one run: how many tests there were and passed, the first failure, and whether the
 * code or the tests could not be read. Lines that are not the harness's (a program may write anywhere) are skipped.
 *
 * @param total the tests in the case, -1 when the harness never counted them (it did not start)
 * @param passed the tests that passed
 * @param firstFailure the first failing test: its line, source and error; null when none failed
 * @param codeError why the code did not load (a syntax error, an exception at import); null when it loaded
 * @param testsError why the tests did not parse; null when they did
 * @param finished whether the harness ran every statement of the tests
 * @param lastLine the line of the last statement reported, 0 before the first
 */
public record PythonTestReport(int total, int passed, @Nullable String firstFailure, @Nullable String codeError,
        @Nullable String testsError, boolean finished, int lastLine) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the harness's lines from a run's standard output. */
    static PythonTestReport parse(String stdout) {
        int total = -1;
        int passed = 0;
        int lastLine = 0;
        String firstFailure = null;
        String codeError = null;
        String testsError = null;
        boolean finished = false;
        for (String line : stdout.lines().toList()) {
            JsonNode event = event(line);
            if (event == null) {
                continue;
            }
            switch (event.path("event").asText()) {
                case "tests" -> total = event.path("total").asInt(-1);
                case "tests-unreadable" -> testsError = event.path("error").asText();
                case "code-failed" -> codeError = event.path("error").asText();
                case "done" -> finished = true;
                case "test" -> {
                    lastLine = event.path("line").asInt();
                    if (event.path("passed").asBoolean()) {
                        passed++;
                    } else if (firstFailure == null) {
                        firstFailure = failure(event);
                    }
                }
                case "setup-failed" -> {
                    lastLine = event.path("line").asInt();
                    if (firstFailure == null) {
                        firstFailure = String.format(Locale.ROOT, "line %d (setting up the tests): %s",
                                lastLine, event.path("error").asText());
                    }
                }
                default -> {
                    // Not one of ours.
                }
            }
        }
        return new PythonTestReport(total, Math.min(passed, Math.max(total, 0)), firstFailure, codeError, testsError,
                finished, lastLine);
    }

    private static String failure(JsonNode event) {
        return String.format(Locale.ROOT, "line %d, %s: %s", event.path("line").asInt(),
                event.path("source").asText(), event.path("error").asText());
    }

    private static @Nullable JsonNode event(String line) {
        if (!line.startsWith("{\"event\"")) {
            return null;
        }
        try {
            return JSON.readTree(line);
        } catch (JacksonException e) {
            return null;
        }
    }
}
