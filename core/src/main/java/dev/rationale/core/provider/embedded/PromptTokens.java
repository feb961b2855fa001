// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.RenderedPrompt;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A prompt as the model sees it: its text and token ids.
 *
 * <p>A raw text prompt is used as is. A chat prompt goes through the chat template stored in the GGUF file,
 * applied by llama.cpp's {@code llama_chat_apply_template} (which recognises the common templates by their
 * content; it does not run arbitrary Jinja). When the file has no template, or llama.cpp does not recognise it,
 * the messages are laid out plainly, and a notice says so:
 *
 * <pre>
 * system text
 *
 * User: first user text
 * Assistant: an earlier answer
 * User: the question
 * Assistant:</pre>
 *
 * <p>System messages stand alone, followed by a blank line; every other message is one {@code Role: text} line;
 * the prompt ends with {@code Assistant:} for the model to continue. Tokenising adds BOS when the model asks for
 * it and reads special-token texts (such as {@code <s>} or {@code <|im_start|>}) as those tokens, as llama.cpp's
 * server does; a template that writes BOS itself does not get a second one.
 */
final class PromptTokens {
    private final String text;
    private final int[] ids;
    private final @Nullable String notice;

    private PromptTokens(String text, int[] ids, @Nullable String notice) {
        this.text = text;
        this.ids = ids;
        this.notice = notice;
    }

    static PromptTokens of(LlamaModel model, RenderedPrompt prompt) {
        return switch (prompt) {
            case RenderedPrompt.Text text -> new PromptTokens(text.prompt(), tokenize(model, text.prompt()), null);
            case RenderedPrompt.Chat chat -> ofChat(model, chat.messages());
        };
    }

    /** The ids of {@code text} in a prompt, with BOS where the model asks for it and special tokens parsed. */
    static int[] tokenize(LlamaModel model, String text) {
        int[] ids = model.tokenize(text, true, true);
        if (ids.length >= 2 && ids[0] == model.bos() && ids[1] == model.bos() && model.addsBos()) {
            return Arrays.copyOfRange(ids, 1, ids.length);
        }
        return ids;
    }

    private static PromptTokens ofChat(LlamaModel model, List<ChatMessage> messages) {
        Optional<String> template = model.chatTemplate();
        if (template.isPresent()) {
            Optional<String> text = ChatTemplate.apply(template.get(), messages);
            if (text.isPresent()) {
                return new PromptTokens(text.get(), tokenize(model, text.get()), null);
            }
        }
        String text = plainLayout(messages);
        String why = template.isPresent() ? "has a chat template llama.cpp does not recognise"
                : "has no chat template";
        return new PromptTokens(text, tokenize(model, text), model.path().getFileName() + " " + why
                + "; the messages were laid out as \"User: …\" / \"Assistant: …\" lines");
    }

    static String plainLayout(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : messages) {
            if (message.role() == ChatRole.SYSTEM) {
                text.append(message.content()).append("\n\n");
            } else {
                text.append(message.role() == ChatRole.USER ? "User: " : "Assistant: ")
                        .append(message.content()).append('\n');
            }
        }
        return text.append("Assistant:").toString();
    }

    /** The text that was tokenised. */
    String text() {
        return text;
    }

    /** The token ids; do not modify. */
    int[] ids() {
        return ids;
    }

    /** What the user should know about the layout, or null. */
    @Nullable String notice() {
        return notice;
    }
}
