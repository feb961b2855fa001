// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.List;

/**
 * What {@link PromptSetValidator} found: errors make a prompt set unusable, warnings point at things that are
 * probably mistakes but do not stop a run. Both lists are in the order of the file.
 */
public record ValidationReport(List<Problem> errors, List<Problem> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
