// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.grading.code.CodeExecutionConsent;
import dev.rationale.core.grading.code.CodeSandbox;
import dev.rationale.core.promptset.Task;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * What an evaluation's start needs to know about running the model's code: whether its task is graded by tests,
 * whether the workspace already allows it, and how the code would be isolated. Made off the FX thread, since it
 * reads the workspace's choice and probes the sandbox the first time.
 *
 * @param isolation the sandbox's isolation, for a task graded by tests; null for any other task
 * @param allowed whether the workspace allows running the code
 */
record CodeExecutionGate(@Nullable String isolation, boolean allowed) {

    static CodeExecutionGate of(Task task, Path workspace) {
        if (task.effectiveAnswer().effectiveCompare() != CompareRule.TESTS) {
            return new CodeExecutionGate(null, true);
        }
        return new CodeExecutionGate(CodeSandbox.shared().isolation().description(),
                CodeExecutionConsent.allowed(workspace));
    }

    /** Whether the user must be asked before the evaluation starts. */
    boolean mustAsk() {
        return isolation != null && !allowed;
    }

    /** The line Evaluate shows while such a task is evaluated; empty for other tasks. */
    String line() {
        return isolation == null ? "" : "Tests run the model's code on this machine, isolated by " + isolation + ".";
    }
}
