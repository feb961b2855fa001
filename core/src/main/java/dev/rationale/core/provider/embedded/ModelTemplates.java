// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TemplateThinking;
import dev.rationale.core.render.ChatFormatter;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A GGUF model's chat template, as the embedded engine applies it: the file's {@code tokenizer.chat_template}
 * through llama.cpp, which recognises the common templates by their content. A template it does not recognise
 * counts as none, since it cannot be applied.
 */
final class ModelTemplates {
    private static final String NAME = "the embedded engine";
    private static final List<ChatMessage> PROBE = List.of(ChatMessage.user("?"));

    private ModelTemplates() {
    }

    /** How the engine takes prompts for {@code model}: through its template, or raw text for a base model. */
    static PromptIntake intake(LlamaModel model) {
        String name = model.path().getFileName().toString();
        return applicable(model) ? PromptIntake.templated(NAME, name, new Formatter(model, null))
                : PromptIntake.baseModel(NAME, name);
    }

    /**
     * The messages as the model's template writes them, ending with the assistant's opening.
     *
     * @throws ProviderException UNSUPPORTED when the model has no template llama.cpp can apply
     */
    static String format(LlamaModel model, List<ChatMessage> messages) {
        Optional<String> template = model.chatTemplate();
        Optional<String> text = template.flatMap(t -> ChatTemplate.apply(t, messages));
        if (text.isPresent()) {
            return text.get();
        }
        String why = template.isPresent() ? "has a chat template llama.cpp does not recognise"
                : "has no chat template (a base model)";
        throw new ProviderException(ProviderException.Kind.UNSUPPORTED, model.path().getFileName() + " " + why
                + ", so chat messages cannot reach it; send it raw text (a variant with shape \"text\", or --text)");
    }

    /**
     * The messages formatted with the template's thinking switch. llama.cpp's {@code llama_chat_apply_template}
     * takes no template variables (it recognises templates and writes them in C++), so {@code enable_thinking}
     * cannot be passed to it; for off, what a Qwen3-style template writes for {@code enable_thinking=false} is
     * added instead: an empty {@code <think>} block after the assistant's opening. On, or null, needs nothing, since
     * such a template thinks by default. Templates without the switch are left as they are.
     */
    static String format(LlamaModel model, List<ChatMessage> messages, @Nullable Boolean enableThinking) {
        String text = format(model, messages);
        boolean switchable = model.chatTemplate().map(TemplateThinking::hasSwitch).orElse(false);
        return Boolean.FALSE.equals(enableThinking) && switchable ? text + TemplateThinking.EMPTY_BLOCK : text;
    }

    /** The model's template, with the thinking switch set or left to the template's default (null). */
    private record Formatter(LlamaModel model, @Nullable Boolean enableThinking) implements ChatFormatter {
        @Override
        public String format(List<ChatMessage> messages) {
            return ModelTemplates.format(model, messages, enableThinking);
        }

        @Override
        public ChatFormatter withThinking(boolean on) {
            return new Formatter(model, on);
        }
    }

    private static boolean applicable(LlamaModel model) {
        return model.chatTemplate().flatMap(t -> ChatTemplate.apply(t, PROBE)).isPresent();
    }
}
