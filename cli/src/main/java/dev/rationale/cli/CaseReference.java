// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.render.RenderException;

/** Finds the test case a {@code --case} option means: an id first, else a position counting from 1. */
final class CaseReference {
    private CaseReference() {
    }

    static TestCase resolve(Task task, String reference) {
        for (TestCase candidate : task.cases()) {
            if (reference.equals(candidate.id())) {
                return candidate;
            }
        }
        if (task.cases().isEmpty()) {
            throw new RenderException(
                    "task \"" + task.id() + "\" has no test cases; give the inputs with --input NAME=VALUE");
        }
        int position;
        try {
            position = Integer.parseInt(reference);
        } catch (NumberFormatException e) {
            throw new RenderException("task \"" + task.id() + "\" has no case with id \"" + reference + "\"");
        }
        if (position < 1 || position > task.cases().size()) {
            throw new RenderException("task \"" + task.id() + "\" has " + task.cases().size()
                    + " cases; --case " + reference + " is not one of them (count from 1)");
        }
        return task.cases().get(position - 1);
    }
}
