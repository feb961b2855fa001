// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import java.util.Optional;

/** Scores the options of a multiple-choice question as continuations of its prompt. Blocks; not on a UI thread. */
public interface ChoiceScorer {

    /**
     * Scores every option after {@code prompt}.
     *
     * @throws ProviderException when the backend cannot score or the request fails
     */
    ChoiceRanking rank(String model, RenderedPrompt prompt, List<String> choices);

    /**
     * The scorer for {@code provider}: a backend that scores likelihoods itself (the embedded engine) scores
     * directly; a backend that scores prompts (echoed log-probabilities, e.g. vLLM's text completions) scores prompt
     * and option sent together; any other cannot.
     */
    static Optional<ChoiceScorer> of(CompletionProvider provider) {
        Optional<ChoiceScorer> direct = provider.likelihoodScorer().map(LikelihoodChoiceScorer::new);
        if (direct.isPresent()) {
            return direct;
        }
        if (provider.capabilities().promptLogprobs() && provider.capabilities().rawText()) {
            return Optional.of(new EchoChoiceScorer(provider));
        }
        return Optional.empty();
    }
}
