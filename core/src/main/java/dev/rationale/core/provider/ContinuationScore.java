// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How likely the model finds one continuation of a prompt, for multiple-choice scoring by likelihood.
 *
 * @param continuation the text scored
 * @param tokenIds its tokens, as tokenised after the prompt
 * @param tokenLogprobs each token's natural-log probability given the prompt and the tokens before it
 * @param logprob the sum: the log-probability of the whole continuation
 * @param greedy whether every token was the model's most likely choice, i.e. greedy decoding would produce it
 */
public record ContinuationScore(String continuation, List<Integer> tokenIds, List<Double> tokenLogprobs,
        double logprob, boolean greedy) {

    public ContinuationScore {
        tokenIds = List.copyOf(tokenIds);
        tokenLogprobs = List.copyOf(tokenLogprobs);
    }

    /** The log-probability per token: compares continuations of different token counts. */
    public double meanLogprob() {
        return logprob / tokenIds.size();
    }

    /**
     * The log-probability per UTF-8 byte of the continuation: compares continuations independently of how the
     * tokenizer splits them.
     */
    public double logprobPerByte() {
        return logprob / continuation.getBytes(StandardCharsets.UTF_8).length;
    }
}
