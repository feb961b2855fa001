// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

import dev.rationale.core.provider.embedded.ContinuationScore;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;

/** Scores options with the embedded engine, which reads the prompt once and scores each option after it. */
final class EmbeddedChoiceScorer implements ChoiceScorer {

    private final EmbeddedProvider provider;

    EmbeddedChoiceScorer(EmbeddedProvider provider) {
        this.provider = provider;
    }

    @Override
    public ChoiceRanking rank(String model, RenderedPrompt prompt, List<String> choices) {
        List<ContinuationScore> scores = provider.scoreContinuations(model, prompt, choices);
        return new ChoiceRanking(scores.stream()
                .map(score -> new ChoiceScore(score.continuation(), score.logprob(), score.tokenIds().size()))
                .toList());
    }
}
