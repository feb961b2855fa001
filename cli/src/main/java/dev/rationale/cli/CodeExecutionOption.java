// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import dev.rationale.core.grading.code.CodeSandbox;
import dev.rationale.core.promptset.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --[no-]allow-code-execution}: turns running generated code on or off for the workspace, and records the
 * choice there, so later runs (and Evaluate) keep it. A run of a task graded by tests says on standard error where
 * its code runs, or that its answers stay ungraded.
 */
final class CodeExecutionOption {
    @Option(names = "--allow-code-execution", negatable = true,
            description = {"Let a task graded by tests run the model's code on this machine, in a sandbox (time,"
                    + " memory, process and output limits; no network where the system can block it), and record"
                    + " the choice for the workspace (.rationale/code-execution.json); --no-allow-code-execution"
                    + " turns it off again. Off until allowed: such answers stay ungraded."})
    private @Nullable Boolean allow;

    /**
     * Records the choice when one was given and tells what it means for {@code task}.
     *
     * @throws RationaleException when the choice cannot be recorded
     */
    void apply(Path workspace, Task task, PrintWriter err) {
        if (allow != null) {
            try {
                CodeExecutionConsent.set(workspace, allow, Clock.systemUTC());
            } catch (IOException e) {
                throw new RationaleException("cannot record the choice in " + CodeExecutionConsent.file(workspace)
                        + ": " + e.getMessage(), e);
            }
            if (allow) {
                err.println("rationale: warning: " + CodeExecutionConsent.WARNING);
            }
            err.println("rationale: running generated code is now " + (allow ? "allowed" : "off") + " for "
                    + workspace + " (" + CodeExecutionConsent.file(workspace) + ")");
        }
        if (task.effectiveAnswer().effectiveCompare() == CompareRule.TESTS) {
            err.println(CodeExecutionConsent.allowed(workspace)
                    ? "rationale: grading by tests runs the code here, isolated by "
                            + CodeSandbox.shared().isolation().description()
                    : "rationale: " + CodeExecutionConsent.OFF_NOTE + "; until then its answers stay ungraded");
        }
        err.flush();
    }
}
