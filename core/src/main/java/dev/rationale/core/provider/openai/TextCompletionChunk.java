// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One {@code data:} payload of a legacy completion stream. */
record TextCompletionChunk(@Nullable List<Choice> choices, @Nullable UsageWire usage, @Nullable JsonNode error,
        @Nullable String object)
        implements StreamChunk<TextCompletionChunk.Choice> {

    /**
     * @param logprobs the legacy parallel arrays, or llama.cpp's chat-style {@code {"content": [...]}}; kept as a
     *     tree because the two shapes differ
     */
    record Choice(int index, @Nullable String text, @Nullable JsonNode logprobs, @Nullable String finishReason,
            @Nullable JsonNode stopReason) {
    }
}
