// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.scoring;

import dev.rationale.core.provider.ContinuationScore;
import dev.rationale.core.provider.LikelihoodScorer;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;

/** Scores options with a backend that scores likelihoods itself: it reads the prompt once, then each option. */
final class LikelihoodChoiceScorer implements ChoiceScorer {

    private final LikelihoodScorer scorer;

    LikelihoodChoiceScorer(LikelihoodScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public ChoiceRanking rank(String model, RenderedPrompt prompt, List<String> choices) {
        List<ContinuationScore> scores = scorer.scoreContinuations(model, prompt, choices);
        return new ChoiceRanking(scores.stream()
                .map(score -> new ChoiceScore(score.continuation(), score.logprob(), score.tokenIds().size()))
                .toList());
    }
}
