// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.promptset.PromptShape;
import java.util.List;

/**
 * A prompt exactly as it is sent. Serialised with Jackson it is {@code {"shape":"chat","messages":[...]}} or
 * {@code {"shape":"text","prompt":"..."}}, the form {@code rationale render --json} prints.
 */
public sealed interface RenderedPrompt {

    PromptShape shape();

    /** Chat messages, for chat endpoints. */
    @JsonPropertyOrder({"shape", "messages"})
    record Chat(List<ChatMessage> messages) implements RenderedPrompt {
        public Chat {
            messages = List.copyOf(messages);
        }

        @Override
        @JsonProperty("shape")
        public PromptShape shape() {
            return PromptShape.CHAT;
        }
    }

    /** One raw string, for completion endpoints; the model continues it. */
    @JsonPropertyOrder({"shape", "prompt"})
    record Text(String prompt) implements RenderedPrompt {
        @Override
        @JsonProperty("shape")
        public PromptShape shape() {
            return PromptShape.TEXT;
        }
    }
}
