// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import dev.rationale.core.RationaleException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A prompt-set file that cannot be used: unreadable, not valid JSON or YAML, of the wrong shape, or failing
 * validation. The message lists every problem, one {@link Problem#format()} per line; {@link #warnings()} holds
 * the warnings found alongside, when validation got that far.
 */
public final class InvalidPromptSetException extends RationaleException {
    private final List<Problem> problems;
    private final List<Problem> warnings;

    public InvalidPromptSetException(List<Problem> problems) {
        this(problems, List.of());
    }

    public InvalidPromptSetException(List<Problem> problems, List<Problem> warnings) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    static InvalidPromptSetException of(Problem problem) {
        return new InvalidPromptSetException(List.of(problem));
    }

    /** The errors, at least one, in the order of the file. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> warnings() {
        return warnings;
    }
}
