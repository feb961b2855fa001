// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CodeTestsSpec;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.grading.Grader;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.grading.GradingInput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Grades code by running the case's tests against it in the {@link CodeSandbox}: the score is the share of tests
 * that passed (0-1), the note the first failing test and its error, the request the program run and the reply its
 * output. A case names its tests in the input {@link CodeTestsSpec#effectiveInput} and may name its language in
 * an input {@value CodeTestsSpec#LANGUAGE_INPUT}; only Python runs so far. Tests that cannot run (none given,
 * another language, no Python here, tests that do not parse) leave the answer ungraded with the reason, never a
 * pass.
 *
 * <p>Safe to share; runs at most as many programs at once as the machine has processors, for every grader.
 */
public final class CodeTestGrader implements Grader {
    // A sandboxed program is processor-bound; more at once than cores only makes each slower and time out.
    private static final Semaphore SLOTS = new Semaphore(Runtime.getRuntime().availableProcessors());

    private final CodeTestsSpec spec;
    private final double threshold;
    private final CodeSandbox sandbox;
    private final @Nullable Path python;

    /** @param python the Python interpreter, or null when this machine has none */
    public CodeTestGrader(AnswerFormat format, CodeSandbox sandbox, @Nullable Path python) {
        this.spec = format.effectiveTests();
        this.threshold = format.effectiveThreshold();
        this.sandbox = sandbox;
        this.python = python;
    }

    /**
     * The tests half of a {@link GradingContext} for a run in {@code workspace}: this grader on the machine's
     * sandbox when the workspace {@link CodeExecutionConsent allows} running generated code, else one that leaves
     * every answer ungraded and says how to allow it. The choice is read once, when this is called.
     */
    public static Function<AnswerFormat, Grader> forWorkspace(Path workspace) {
        if (!CodeExecutionConsent.allowed(workspace)) {
            return format -> GradingContext.refusing(GradeDetail.TESTS, CodeExecutionConsent.OFF_NOTE);
        }
        return format -> new CodeTestGrader(format, CodeSandbox.shared(), PythonInterpreter.find().orElse(null));
    }

    @Override
    public Grade grade(GradingInput input) throws InterruptedException {
        Grade extracted = input.extracted();
        String code = extracted.extracted();
        String tests = input.testCase().inputs().get(spec.effectiveInput());
        String language = Optional.ofNullable(input.testCase().inputs().get(CodeTestsSpec.LANGUAGE_INPUT))
                .filter(l -> !l.isBlank()).orElse(spec.effectiveLanguage()).strip().toLowerCase(Locale.ROOT);
        if (tests == null || tests.isBlank()) {
            return failed(extracted, "the case has no input \"" + spec.effectiveInput() + "\" with its tests", null);
        }
        if (!language.equals("python") && !language.equals("python3")) {
            return failed(extracted, "code in " + language + " cannot be run; only python tests run so far", null);
        }
        String program = PythonTestRun.program(code == null ? "" : code, tests);
        if (python == null) {
            return failed(extracted, "python3 was not found on this machine (RATIONALE_PYTHON may name it)",
                    program);
        }
        SandboxLimits limits = SandboxLimits.of(Duration.ofSeconds(Math.max(1, spec.effectiveTimeoutSeconds())),
                Math.max(16, spec.effectiveMemoryMb()));
        PythonTestRun.Outcome outcome;
        SLOTS.acquire();
        try {
            outcome = new PythonTestRun(sandbox, python).run(code == null ? "" : code, tests, limits);
        } catch (RationaleException e) {
            return failed(extracted, e.getMessage(), program);
        } finally {
            SLOTS.release();
        }
        return extracted.scored(CodeTestNote.detail(outcome, limits, program, sandbox.isolation()), threshold);
    }

    private Grade failed(Grade extracted, String why, @Nullable String program) {
        return extracted.scored(GradeDetail.failed(GradeDetail.TESTS, why, program, null), threshold);
    }
}
