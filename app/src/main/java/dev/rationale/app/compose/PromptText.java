// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.stream.Collectors;

/** A rendered prompt as plain text: for reading in the preview, and for counting its tokens. */
public final class PromptText {

    private PromptText() {
    }

    /**
     * A raw text prompt as it is sent; chat messages one after the other, each under its role in brackets:
     * {@code [system]}, {@code [user]}, {@code [assistant]}.
     */
    public static String forReading(RenderedPrompt prompt) {
        return switch (prompt) {
            case RenderedPrompt.Text text -> text.prompt();
            case RenderedPrompt.Chat chat -> chat.messages().stream()
                    .map(m -> "[" + m.role().wireName() + "]\n" + m.content())
                    .collect(Collectors.joining("\n\n"));
        };
    }

    /** The text a model reads: the raw prompt, or the contents of the chat messages without role labels. */
    static String forCounting(RenderedPrompt prompt) {
        return switch (prompt) {
            case RenderedPrompt.Text text -> text.prompt();
            case RenderedPrompt.Chat chat -> chat.messages().stream()
                    .map(ChatMessage::content)
                    .collect(Collectors.joining("\n"));
        };
    }
}
