// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ContinuationScore;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;

/**
 * Likelihood scoring without generation: a prompt's own tokens, or candidate continuations of it. One session
 * serves all continuations, so the shared prompt is evaluated once.
 */
final class ContinuationScorer {

    private ContinuationScorer() {
    }

    static List<ContinuationScore> score(EngineCache engine, String modelName, RenderedPrompt prompt,
            List<String> continuations) {
        LlamaModel model = engine.model(modelName);
        PromptTokens tokens = PromptTokens.of(model, prompt);
        List<int[]> sequences = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < continuations.size(); i++) {
            String continuation = continuations.get(i);
            if (continuation.isEmpty()) {
                throw invalid("continuation " + (i + 1) + " is empty");
            }
            int[] whole = PromptTokens.tokenize(model, tokens.text() + continuation);
            int start = shared(tokens.ids(), whole);
            if (start == 0) {
                throw invalid("the prompt is empty and the model adds no BOS: there is nothing to score against");
            }
            sequences.add(whole);
            starts.add(start);
        }
        LlamaSession session = engine.acquire(model, tokens.ids());
        try {
            List<ContinuationScore> scores = new ArrayList<>();
            for (int i = 0; i < continuations.size(); i++) {
                scores.add(score(session, continuations.get(i), sequences.get(i), starts.get(i)));
            }
            return scores;
        } finally {
            engine.release(session);
        }
    }

    static List<ScoredToken> scorePrompt(EngineCache engine, String modelName, RenderedPrompt prompt, int top) {
        LlamaModel model = engine.model(modelName);
        int[] ids = PromptTokens.of(model, prompt).ids();
        LlamaSession session = engine.acquire(model, ids);
        try {
            PromptScorer scorer = new PromptScorer(model, ids, ids.length, top);
            session.evaluate(ids, scorer.logitsFrom(), scorer);
            return scorer.scoredTokens();
        } finally {
            engine.release(session);
        }
    }

    private static ContinuationScore score(LlamaSession session, String continuation, int[] whole, int start) {
        List<Integer> ids = new ArrayList<>();
        List<Double> logprobs = new ArrayList<>();
        boolean[] greedy = {true};
        double[] total = {0};
        session.evaluate(whole, start - 1, (index, logits) -> {
            if (index + 1 < whole.length) {
                TokenDistribution distribution = new TokenDistribution(logits);
                int token = whole[index + 1];
                double logprob = distribution.logprob(token);
                ids.add(token);
                logprobs.add(logprob);
                total[0] += logprob;
                greedy[0] &= distribution.argmax() == token;
            }
        });
        return new ContinuationScore(continuation, ids, logprobs, total[0], greedy[0]);
    }

    private static int shared(int[] prompt, int[] whole) {
        int limit = Math.min(prompt.length, whole.length);
        int i = 0;
        while (i < limit && prompt[i] == whole[i]) {
            i++;
        }
        return i;
    }

    private static ProviderException invalid(String message) {
        return new ProviderException(ProviderException.Kind.INVALID_REQUEST, message);
    }
}
