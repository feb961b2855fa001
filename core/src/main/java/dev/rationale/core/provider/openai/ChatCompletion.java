// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A chat completion answered whole ({@code stream: false}), as a batch output line carries it. Its choices hold a
 * {@code message} where a stream's chunks hold a {@code delta}; everything else reads the same.
 */
record ChatCompletion(@Nullable String model, @Nullable List<Choice> choices, @Nullable UsageWire usage) {

    record Choice(int index, ChatCompletionChunk.@Nullable Delta message,
            ChatCompletionChunk.@Nullable ChoiceLogprobs logprobs, @Nullable String finishReason,
            @Nullable JsonNode stopReason) {

        /** The choice as the last chunk of a stream would carry it, so the stream's mapper reads it. */
        ChatCompletionChunk.Choice asChunk() {
            return new ChatCompletionChunk.Choice(index, message, logprobs, finishReason, stopReason);
        }
    }
}
