// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.stream.Collectors;

/** A rendered prompt as the text its tokens are counted on. */
final class PromptText {

    private PromptText() {
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
