// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

/**
 * What a backend can do, so that a request asking for more fails before it is sent.
 *
 * @param chat takes chat messages
 * @param rawText takes one raw prompt string and continues it
 * @param maxTopLogprobs how many alternatives per token it can return; 0 means no token probabilities at all
 * @param promptLogprobs can score the prompt's own tokens
 * @param reasoning returns reasoning text apart from the answer
 * @param seed honours a sampling seed
 * @param multipleSamples returns several completions for one request ({@code n > 1})
 * @param modelListing can list its models
 * @param branching can continue from a chosen token at any position
 */
public record Capabilities(
        boolean chat,
        boolean rawText,
        int maxTopLogprobs,
        boolean promptLogprobs,
        boolean reasoning,
        boolean seed,
        boolean multipleSamples,
        boolean modelListing,
        boolean branching) {

    public boolean logprobs() {
        return maxTopLogprobs > 0;
    }
}
