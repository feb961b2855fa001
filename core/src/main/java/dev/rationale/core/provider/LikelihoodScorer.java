// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.render.RenderedPrompt;
import java.util.List;

/**
 * A backend that scores candidate continuations of a prompt by their likelihood directly, reading the prompt once.
 * Reached through {@link CompletionProvider#likelihoodScorer()}. Blocks: call it off the UI thread, and not from a
 * listener.
 */
public interface LikelihoodScorer {

    /**
     * Scores each continuation as the text right after the prompt (after the assistant's opening, for a chat
     * prompt), in the order given.
     *
     * @throws ProviderException when the model cannot be loaded or a text cannot be scored
     */
    List<ContinuationScore> scoreContinuations(String model, RenderedPrompt prompt, List<String> continuations);
}
