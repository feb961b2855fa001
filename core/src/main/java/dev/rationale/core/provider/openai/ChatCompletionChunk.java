// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code data:} payload of a chat completion stream. With {@code n > 1} the choices of different samples
 * interleave across chunks; the usage chunk has empty (or null) {@code choices}.
 */
record ChatCompletionChunk(@Nullable List<Choice> choices, @Nullable UsageWire usage, @Nullable JsonNode error,
        @Nullable String object)
        implements StreamChunk<ChatCompletionChunk.Choice> {

    /**
     * @param stopReason vLLM's extra: the stop string (text) or token id that ended the sample
     */
    record Choice(int index, @Nullable Delta delta, @Nullable ChoiceLogprobs logprobs, @Nullable String finishReason,
            @Nullable JsonNode stopReason) {
    }

    /**
     * @param reasoningContent reasoning as llama.cpp, DeepSeek and older vLLM name it
     * @param reasoning reasoning as Ollama {@code /v1}, newer vLLM and OpenRouter name it
     */
    record Delta(@Nullable String content, @Nullable String reasoningContent, @Nullable String reasoning) {
    }

    record ChoiceLogprobs(@Nullable List<TokenLogprob> content) {
    }

    /** A scored token; {@code bytes} may be null, {@code topLogprobs} need not hold the token itself. */
    record TokenLogprob(@Nullable String token, @Nullable Double logprob, @Nullable List<Integer> bytes,
            @Nullable List<TopLogprob> topLogprobs) {
    }

    record TopLogprob(@Nullable String token, @Nullable Double logprob, @Nullable List<Integer> bytes) {
    }
}
