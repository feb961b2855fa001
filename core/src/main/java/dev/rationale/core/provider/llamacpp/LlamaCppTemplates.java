// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.TemplateThinking;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.render.ChatFormatter;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The chat template of the model a llama.cpp server runs: {@code GET /props} says whether it has one
 * ({@code chat_template}), and {@code POST /apply-template} applies it, so a chat prompt reaches the raw-text
 * {@code /completion} formatted exactly as the server's own chat route would format it. A server runs one model,
 * so the answer is kept for the provider's life. Thread-safe.
 *
 * <p>Servers since early 2025 never report an empty template: for a model without one they report their built-in
 * ChatML template, which is also what {@code --chat-template chatml} gives a model that lacks one. That template
 * therefore says nothing about the model, and counts as unknown; only an empty one (older servers) means a base
 * model.
 */
final class LlamaCppTemplates {
    static final String PROPS_PATH = "/props";
    static final String APPLY_PATH = "/apply-template";

    private final HttpEndpoint endpoint;
    /**
     * llama.cpp's built-in ChatML template ({@code common/chat.cpp}) with white space and Jinja's trim markers
     * taken out, as {@link #signature} leaves a template.
     */
    private static final String SERVER_CHATML = "{%formessageinmessages%}"
            + "{{'<|im_start|>'+message.role+'\\n'+message.content+'<|im_end|>\\n'}}{%endfor%}"
            + "{%ifadd_generation_prompt%}{{'<|im_start|>assistant\\n'}}{%endif%}";

    private final AtomicReference<PromptIntake.Template> template = new AtomicReference<>();
    private final AtomicBoolean thinkingSwitch = new AtomicBoolean();

    LlamaCppTemplates(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Blocks on the first call; see {@link dev.rationale.core.provider.CompletionProvider#intake}. */
    PromptIntake intake(String model) {
        PromptIntake.Template known = template.get();
        if (known == null) {
            JsonNode props = endpoint.getJson(PROPS_PATH);
            String text = props.path("chat_template").asText("");
            known = of(text);
            thinkingSwitch.set(TemplateThinking.hasSwitch(text));
            template.set(known);
        }
        String name = model.isBlank() ? "the server's model" : model;
        return switch (known) {
            case PRESENT -> PromptIntake.templated(LlamaCppProvider.NAME, name, new Formatter(null));
            case ABSENT -> PromptIntake.baseModel(LlamaCppProvider.NAME, name);
            // Raw text on the wire, chat through the template the server would apply anyway.
            case UNKNOWN -> new PromptIntake(LlamaCppProvider.NAME, name, false, true, true, true,
                    PromptIntake.Template.UNKNOWN, new Formatter(null));
        };
    }

    /** What a {@code chat_template} from {@code /props} says of the model. */
    static PromptIntake.Template of(String chatTemplate) {
        if (chatTemplate.isBlank()) {
            return PromptIntake.Template.ABSENT;
        }
        return signature(chatTemplate).equals(SERVER_CHATML) ? PromptIntake.Template.UNKNOWN
                : PromptIntake.Template.PRESENT;
    }

    // Jinja's "-" trims white space around a tag; neither changes what the template writes.
    private static String signature(String chatTemplate) {
        return chatTemplate.replaceAll("\\s+", "").replace("{%-", "{%").replace("-%}", "%}")
                .replace("{{-", "{{").replace("-}}", "}}");
    }

    /** Whether the template {@code /props} reported reads {@code enable_thinking}; false until it was asked. */
    boolean hasThinkingSwitch() {
        return thinkingSwitch.get();
    }

    /** The body of {@code POST /apply-template}; {@code enableThinking} goes in {@code chat_template_kwargs}. */
    static ObjectNode applyBody(List<ChatMessage> messages, @Nullable Boolean enableThinking) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role().wireName()).put("content", m.content()));
        if (enableThinking != null) {
            // The server refuses a string here (400); it must be a JSON boolean.
            body.putObject("chat_template_kwargs").put(TemplateThinking.SWITCH, enableThinking.booleanValue());
        }
        return body;
    }

    /** The server's template, with the thinking switch set or left to the template's default (null). */
    private final class Formatter implements ChatFormatter {
        private final @Nullable Boolean enableThinking;

        Formatter(@Nullable Boolean enableThinking) {
            this.enableThinking = enableThinking;
        }

        @Override
        public String format(List<ChatMessage> messages) {
            return apply(applyBody(messages, enableThinking));
        }

        @Override
        public ChatFormatter withThinking(boolean on) {
            return new Formatter(on);
        }
    }

    /** The chat prompt as the server's template writes it (thinking left to the template's default). */
    String format(List<ChatMessage> messages) {
        return apply(applyBody(messages, null));
    }

    private String apply(ObjectNode body) {
        JsonNode reply = endpoint.json(endpoint.post(APPLY_PATH, body).build());
        JsonNode prompt = reply.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                    LlamaCppProvider.NAME + ": " + APPLY_PATH + " answered without a \"prompt\"");
        }
        return prompt.asText();
    }
}
