// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generation: the model, the prompt exactly as rendered, and how to sample. Absent settings (null) leave the
 * backend's own default.
 *
 * @param model the model name as the backend knows it (for the embedded engine, the GGUF path)
 * @param prompt chat messages or a raw string
 * @param maxTokens most tokens to generate
 * @param temperature 0 means greedy
 * @param topP nucleus sampling
 * @param topK sample among the k most likely tokens
 * @param minP drop tokens less likely than this share of the most likely one
 * @param seed sampling seed, where the backend takes one
 * @param stop stop sequences
 * @param topLogprobs alternatives to return per token, when {@code logprobs} is on
 * @param logprobs whether to return each generated token's logprob (with no alternatives when topLogprobs is
 *     null or 0)
 * @param samples completions to return ({@code n}); more than 1 only where the backend supports it
 * @param promptLogprobs also score the prompt's tokens
 * @param thinking how much a reasoning model should think; null leaves it to the model
 * @param replySchema the JSON shape the reply must take, where the backend can hold it to one
 *     ({@link Capabilities#structuredOutput()}); null for free text
 */
public record CompletionRequest(
        String model,
        RenderedPrompt prompt,
        @Nullable Integer maxTokens,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer topK,
        @Nullable Double minP,
        @Nullable Long seed,
        List<String> stop,
        @Nullable Integer topLogprobs,
        boolean logprobs,
        int samples,
        boolean promptLogprobs,
        @Nullable ThinkingLevel thinking,
        @Nullable ReplySchema replySchema) {

    /** A request with free text replies. */
    public CompletionRequest(String model, RenderedPrompt prompt, @Nullable Integer maxTokens,
            @Nullable Double temperature, @Nullable Double topP, @Nullable Integer topK, @Nullable Double minP,
            @Nullable Long seed, List<String> stop, @Nullable Integer topLogprobs, boolean logprobs, int samples,
            boolean promptLogprobs, @Nullable ThinkingLevel thinking) {
        this(model, prompt, maxTokens, temperature, topP, topK, minP, seed, stop, topLogprobs, logprobs, samples,
                promptLogprobs, thinking, null);
    }

    public CompletionRequest {
        stop = List.copyOf(stop);
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be 1 or more, got " + samples);
        }
    }

    /** A request with every setting left to the backend. */
    public static CompletionRequest of(String model, RenderedPrompt prompt) {
        return new CompletionRequest(model, prompt, null, null, null, null, null, null, List.of(), null, false, 1,
                false, null);
    }

    public CompletionRequest withPrompt(RenderedPrompt newPrompt) {
        return new CompletionRequest(model, newPrompt, maxTokens, temperature, topP, topK, minP, seed, stop,
                topLogprobs, logprobs, samples, promptLogprobs, thinking, replySchema);
    }

    public CompletionRequest withMaxTokens(@Nullable Integer n) {
        return new CompletionRequest(model, prompt, n, temperature, topP, topK, minP, seed, stop, topLogprobs,
                logprobs, samples, promptLogprobs, thinking, replySchema);
    }

    public CompletionRequest withSampling(@Nullable Double newTemperature, @Nullable Double newTopP,
            @Nullable Integer newTopK, @Nullable Double newMinP, @Nullable Long newSeed) {
        return new CompletionRequest(model, prompt, maxTokens, newTemperature, newTopP, newTopK, newMinP, newSeed,
                stop, topLogprobs, logprobs, samples, promptLogprobs, thinking, replySchema);
    }

    public CompletionRequest withStop(List<String> newStop) {
        return new CompletionRequest(model, prompt, maxTokens, temperature, topP, topK, minP, seed, newStop,
                topLogprobs, logprobs, samples, promptLogprobs, thinking, replySchema);
    }

    /** Asks for each token's logprob and {@code k} alternatives (0: the chosen token's logprob alone). */
    public CompletionRequest withLogprobs(int k) {
        return new CompletionRequest(model, prompt, maxTokens, temperature, topP, topK, minP, seed, stop, k, true,
                samples, promptLogprobs, thinking, replySchema);
    }

    public CompletionRequest withSamples(int n) {
        return new CompletionRequest(model, prompt, maxTokens, temperature, topP, topK, minP, seed, stop,
                topLogprobs, logprobs, n, promptLogprobs, thinking, replySchema);
    }

    public CompletionRequest withPromptLogprobs(boolean on) {
        return new CompletionRequest(model, prompt, maxTokens, temperature, topP, topK, minP, seed, stop,
                topLogprobs, logprobs, samples, on, thinking, replySchema);
    }

    public CompletionRequest withThinking(@Nullable ThinkingLevel level) {
        return new CompletionRequest(model, prompt, maxTokens, temperature, topP, topK, minP, seed, stop,
                topLogprobs, logprobs, samples, promptLogprobs, level, replySchema);
    }

    /** Asks for a reply of the given JSON shape; null for free text. */
    public CompletionRequest withReplySchema(@Nullable ReplySchema schema) {
        return new CompletionRequest(model, prompt, maxTokens, temperature, topP, topK, minP, seed, stop,
                topLogprobs, logprobs, samples, promptLogprobs, thinking, schema);
    }

    /** How many alternatives per token are asked for; 0 when none. */
    public int requestedTopLogprobs() {
        return topLogprobs == null ? 0 : topLogprobs;
    }
}
