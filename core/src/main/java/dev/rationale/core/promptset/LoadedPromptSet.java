// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.List;

/**
 * A prompt set read from a file that has no errors, with the warnings found in it (for {@code rationale
 * validate} and the editor's problem list).
 */
public record LoadedPromptSet(PromptSet promptSet, List<Problem> warnings) {

    public LoadedPromptSet {
        warnings = List.copyOf(warnings);
    }
}
