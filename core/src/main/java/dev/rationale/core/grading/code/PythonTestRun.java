// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs Python code against Python tests in a {@link CodeSandbox}: our harness loads the code, then runs each
 * top-level statement of the tests on its own and reports each assert's outcome. Python runs isolated
 * ({@code -I}: no user site folder, no {@code PYTHON*} variables, the script's folder not on the path).
 */
public final class PythonTestRun {
    static final String HARNESS = "harness.py";
    static final String SOLUTION = "solution.py";
    static final String TESTS = "tests.py";
    private static final String HARNESS_TEXT = resource(HARNESS);

    private final CodeSandbox sandbox;
    private final Path python;

    /** @param python the interpreter's absolute path ({@link PythonInterpreter#find}) */
    public PythonTestRun(CodeSandbox sandbox, Path python) {
        this.sandbox = sandbox;
        this.python = python;
    }

    /** What a run reported, and how it ended. */
    public record Outcome(PythonTestReport report, SandboxResult result) {
    }

    /**
     * Runs {@code tests} against {@code code}.
     *
     * @throws dev.rationale.core.RationaleException when the sandbox cannot start
     * @throws InterruptedException when interrupted; the run is killed first
     */
    public Outcome run(String code, String tests, SandboxLimits limits) throws InterruptedException {
        SandboxResult result = sandbox.run(Map.of(HARNESS, HARNESS_TEXT, SOLUTION, code, TESTS, tests),
                List.of(python.toString(), "-I", HARNESS), limits);
        return new Outcome(PythonTestReport.parse(result.stdout()), result);
    }

    /** The program as it runs: the code, then the tests, for a grade's request. */
    public static String program(String code, String tests) {
        return "# " + SOLUTION + "\n" + code.strip() + "\n\n# " + TESTS + "\n" + tests.strip() + "\n";
    }

    private static String resource(String name) {
        try (InputStream in = Objects.requireNonNull(PythonTestRun.class.getResourceAsStream(name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
