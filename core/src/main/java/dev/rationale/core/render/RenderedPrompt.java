// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.promptset.PromptShape;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A prompt exactly as it is sent. Serialised with Jackson it is {@code {"shape":"chat","messages":[...]}} or
 * {@code {"shape":"text","prompt":"..."}}, the form {@code rationale render --json} prints, with an
 * {@code "adaptation"} line when the prompt was changed from the shape its variant is written in to suit a backend
 * and model ({@link PromptShaper}), e.g. "sent as 17 chat messages: multi-turn few-shot".
 */
public sealed interface RenderedPrompt {

    PromptShape shape();

    /** What was adapted on the way to the backend, in one line; empty when the prompt is sent as written. */
    String adaptation();

    /** The same prompt with {@code note} as its adaptation. */
    RenderedPrompt withAdaptation(String note);

    /**
     * The prompt for people to read: a raw text prompt as it is sent; chat messages one after the other, each under
     * its role in brackets ({@code [system]}, {@code [user]}, {@code [assistant]}), separated by a blank line.
     */
    default String readable() {
        return switch (this) {
            case Text text -> text.prompt();
            case Chat chat -> chat.messages().stream().map(m -> "[" + m.role().wireName() + "]\n" + m.content())
                    .collect(Collectors.joining("\n\n"));
        };
    }

    /** Chat messages, for chat endpoints. */
    @JsonPropertyOrder({"shape", "adaptation", "messages"})
    record Chat(List<ChatMessage> messages, @JsonInclude(JsonInclude.Include.NON_EMPTY) String adaptation)
            implements RenderedPrompt {
        public Chat {
            messages = List.copyOf(messages);
            adaptation = orEmpty(adaptation);
        }

        public Chat(List<ChatMessage> messages) {
            this(messages, "");
        }

        @Override
        @JsonProperty("shape")
        public PromptShape shape() {
            return PromptShape.CHAT;
        }

        @Override
        public Chat withAdaptation(String note) {
            return new Chat(messages, note);
        }
    }

    /** One raw string, for completion endpoints; the model continues it. */
    @JsonPropertyOrder({"shape", "adaptation", "prompt"})
    record Text(String prompt, @JsonInclude(JsonInclude.Include.NON_EMPTY) String adaptation)
            implements RenderedPrompt {
        public Text {
            adaptation = orEmpty(adaptation);
        }

        public Text(String prompt) {
            this(prompt, "");
        }

        @Override
        @JsonProperty("shape")
        public PromptShape shape() {
            return PromptShape.TEXT;
        }

        @Override
        public Text withAdaptation(String note) {
            return new Text(prompt, note);
        }
    }

    // A prompt read back from an older history or file has no adaptation line.
    private static String orEmpty(@Nullable String note) {
        return note == null ? "" : note;
    }
}
