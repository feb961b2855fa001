// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Utf8TokenJoiner;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Collects what an evaluation of the prompt yields: the logits after its last token (where generation starts) and,
 * when asked, every prompt token scored given the tokens before it. The first token has nothing before it, so its
 * logprob is null. Prompt tokens are shown with control tokens named ({@code <s>}) and with SentencePiece's
 * leading space, exactly as the model reads them; bytes are the raw bytes (none for control tokens).
 */
final class PromptScorer implements LogitsSink {
    private final LlamaModel model;
    private final int[] tokens;
    private final int scored;
    private final int top;
    private final double[] logprobs;
    private final List<List<TokenAlternative>> alternatives = new ArrayList<>();
    private float @Nullable [] last;

    /**
     * @param tokens the whole sequence evaluated
     * @param scored how many of its first tokens to score (0 for none)
     * @param top alternatives per scored token
     */
    PromptScorer(LlamaModel model, int[] tokens, int scored, int top) {
        this.model = model;
        this.tokens = tokens;
        this.scored = scored;
        this.top = top;
        this.logprobs = new double[scored];
        if (scored > 0) {
            alternatives.add(List.of());
        }
    }

    /** Where evaluation must report logits from. */
    int logitsFrom() {
        return scored > 0 ? 0 : tokens.length - 1;
    }

    @Override
    public void accept(int index, float[] logits) {
        if (index + 1 < scored) {
            TokenDistribution distribution = new TokenDistribution(logits);
            logprobs[index + 1] = distribution.logprob(tokens[index + 1]);
            alternatives.add(TokenTexts.alternatives(model, distribution, distribution.top(top)));
        }
        if (index == tokens.length - 1) {
            last = logits.clone();
        }
    }

    /** The logits after the last token; null until it was evaluated. */
    float @Nullable [] last() {
        return last;
    }

    /** The scored prompt tokens, in order. */
    List<ScoredToken> scoredTokens() {
        List<ScoredToken> result = new ArrayList<>(scored);
        Utf8TokenJoiner utf8 = new Utf8TokenJoiner();
        for (int i = 0; i < scored; i++) {
            String text = utf8.push(model.displayBytes(tokens[i]));
            if (i == scored - 1) {
                text += utf8.finish();
            }
            result.add(new ScoredToken(text, TokenTexts.unsigned(model.tokenBytes(tokens[i])),
                    i == 0 ? null : logprobs[i], alternatives.get(i)));
        }
        return result;
    }
}
