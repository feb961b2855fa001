// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.promptset.PromptSet;
import java.util.List;

/**
 * A prompt set read from a promptfoo configuration, and everything in the configuration it could not take.
 *
 * @param promptSet the set, not yet validated: the caller saves it and {@code rationale validate} checks it
 * @param notMapped what was left out or changed, each naming the prompt, test or assertion
 */
public record PromptfooImport(PromptSet promptSet, List<String> notMapped) {
    public PromptfooImport {
        notMapped = List.copyOf(notMapped);
    }
}
