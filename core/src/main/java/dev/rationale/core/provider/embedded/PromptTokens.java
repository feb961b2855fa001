// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A prompt as the model sees it: its text and token ids.
 *
 * <p>A raw text prompt is used as is. A chat prompt goes through the chat template stored in the GGUF file,
 * applied by llama.cpp's {@code llama_chat_apply_template} (which recognises the common templates by their
 * content; it does not run arbitrary Jinja). A model without a template, or with one llama.cpp does not recognise,
 * is refused chat messages: laying them out some other way would send the model something no one chose
 * ({@code PromptShaper} gives such a model raw text instead). Tokenising adds BOS when the model asks for it and
 * reads special-token texts (such as {@code <s>} or {@code <|im_start|>}) as those tokens, as llama.cpp's server
 * does; a template that writes BOS itself does not get a second one.
 */
final class PromptTokens {
    private final String text;
    private final int[] ids;

    private PromptTokens(String text, int[] ids) {
        this.text = text;
        this.ids = ids;
    }

    static PromptTokens of(LlamaModel model, RenderedPrompt prompt) {
        return of(model, prompt, null);
    }

    /** The prompt, a chat prompt formatted with its template's thinking switch set (null: the default). */
    static PromptTokens of(LlamaModel model, RenderedPrompt prompt, @Nullable Boolean enableThinking) {
        return switch (prompt) {
            case RenderedPrompt.Text text -> new PromptTokens(text.prompt(), tokenize(model, text.prompt()));
            case RenderedPrompt.Chat chat -> ofChat(model, chat.messages(), enableThinking);
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

    private static PromptTokens ofChat(LlamaModel model, List<ChatMessage> messages,
            @Nullable Boolean enableThinking) {
        String text = ModelTemplates.format(model, messages, enableThinking);
        return new PromptTokens(text, tokenize(model, text));
    }

    /** The text that was tokenised. */
    String text() {
        return text;
    }

    /** The token ids; do not modify. */
    int[] ids() {
        return ids;
    }
}
