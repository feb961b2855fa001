// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.promptset.ThinkingLevel;

/**
 * What a backend can do, so that a request asking for more fails before it is sent. Build one with
 * {@link #builder()}, naming each ability: {@code Capabilities.builder().chat().maxTopLogprobs(20).seed().build()};
 * what is not named is off.
 *
 * @param chat takes chat messages
 * @param rawText takes one raw prompt string and continues it
 * @param maxTopLogprobs how many alternatives per token it can return; 0 means no token probabilities at all
 * @param promptLogprobs can score the prompt's own tokens
 * @param reasoning returns reasoning text apart from the answer
 * @param thinkingControl takes a {@link ThinkingLevel} in some form (see {@code docs/thinking.md}); without one a
 *     request's level is dropped with a notice
 * @param seed honours a sampling seed
 * @param multipleSamples returns several completions for one request ({@code n > 1})
 * @param modelListing can list its models
 * @param branching can continue from a chosen token at any position (then {@link CompletionProvider#brancher()} is
 *     present)
 * @param structuredOutput holds a reply to a JSON shape ({@link ReplySchema}) sent with the request
 */
public record Capabilities(
        boolean chat,
        boolean rawText,
        int maxTopLogprobs,
        boolean promptLogprobs,
        boolean reasoning,
        boolean thinkingControl,
        boolean seed,
        boolean multipleSamples,
        boolean modelListing,
        boolean branching,
        boolean structuredOutput) {

    public boolean logprobs() {
        return maxTopLogprobs > 0;
    }

    /** A builder with every ability off. */
    public static Builder builder() {
        return new Builder();
    }

    /** Names each ability a backend has; one call per ability, then {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private boolean chat;
        private boolean rawText;
        private int maxTopLogprobs;
        private boolean promptLogprobs;
        private boolean reasoning;
        private boolean thinkingControl;
        private boolean seed;
        private boolean multipleSamples;
        private boolean modelListing;
        private boolean branching;
        private boolean structuredOutput;

        private Builder() {
        }

        public Builder chat() {
            chat = true;
            return this;
        }

        public Builder rawText() {
            rawText = true;
            return this;
        }

        /** Token probabilities with up to {@code max} alternatives per token. */
        public Builder maxTopLogprobs(int max) {
            maxTopLogprobs = max;
            return this;
        }

        public Builder promptLogprobs() {
            promptLogprobs = true;
            return this;
        }

        public Builder reasoning() {
            reasoning = true;
            return this;
        }

        /** Takes a thinking level: as a level, a budget, or a switch (see {@link ThinkingLevel}). */
        public Builder thinkingControl() {
            thinkingControl = true;
            return this;
        }

        public Builder seed() {
            seed = true;
            return this;
        }

        public Builder multipleSamples() {
            multipleSamples = true;
            return this;
        }

        public Builder modelListing() {
            modelListing = true;
            return this;
        }

        public Builder branching() {
            branching = true;
            return this;
        }

        /** Holds a reply to a JSON schema sent with the request. */
        public Builder structuredOutput() {
            structuredOutput = true;
            return this;
        }

        public Capabilities build() {
            return new Capabilities(chat, rawText, maxTopLogprobs, promptLogprobs, reasoning, thinkingControl, seed,
                    multipleSamples, modelListing, branching,
                    structuredOutput);
        }
    }
}
