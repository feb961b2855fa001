// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionResult;
import org.jspecify.annotations.Nullable;

/**
 * A completion as a pass over a whole run for its grades reads it: its id, place and grade, and what it answered
 * only where its tokens were scored (to weigh the answer by their probabilities). The texts of the others, most
 * completions of most runs, are not read.
 *
 * @param failed whether the call failed
 * @param scored the texts, tokens and end of a completion with scored tokens; null when it has none
 */
public record StoredGrade(long id, RunCompletionKey key, Verdict grade, boolean failed,
        CompletionResult.@Nullable Sample scored) {
}
