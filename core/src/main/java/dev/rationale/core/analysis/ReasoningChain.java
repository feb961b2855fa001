// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sample's reasoning as {@link ReasoningSteps} reads it.
 *
 * @param steps the reasoning steps in order; empty when there is no reasoning
 * @param answer the final answer as the answer format extracted it, or null when none was found
 * @param answerPassage where the answer stands in the sample's text, with its tokens; null when there is no answer
 *     or it does not occur in the text as extracted (ignoring case)
 * @param alignment how the sample's tokens lined up with its text
 */
public record ReasoningChain(
        List<Passage> steps,
        @Nullable String answer,
        @Nullable Passage answerPassage,
        TokenAlignment alignment) {

    public ReasoningChain {
        steps = List.copyOf(steps);
    }

    /** The answer's confidence: the mean probability of its tokens, or null when it has no token scores. */
    public @Nullable Double answerConfidence() {
        if (answerPassage == null || answerPassage.confidence() == null) {
            return null;
        }
        return answerPassage.confidence().mean();
    }
}
