// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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

    LlamaCppTemplates(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Blocks on the first call; see {@link dev.rationale.core.provider.CompletionProvider#intake}. */
    PromptIntake intake(String model) {
        PromptIntake.Template known = template.get();
        if (known == null) {
            JsonNode props = endpoint.getJson(PROPS_PATH);
            known = of(props.path("chat_template").asText(""));
            template.set(known);
        }
        String name = model.isBlank() ? "the server's model" : model;
        return switch (known) {
            case PRESENT -> PromptIntake.templated(LlamaCppProvider.NAME, name, this::apply);
            case ABSENT -> PromptIntake.baseModel(LlamaCppProvider.NAME, name);
            // Raw text on the wire, chat through the template the server would apply anyway.
            case UNKNOWN -> new PromptIntake(LlamaCppProvider.NAME, name, false, true, true, true,
                    PromptIntake.Template.UNKNOWN, this::apply);
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

    private String apply(List<ChatMessage> messages) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role().wireName()).put("content", m.content()));
        JsonNode reply = endpoint.json(endpoint.post(APPLY_PATH, body).build());
        JsonNode prompt = reply.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                    LlamaCppProvider.NAME + ": " + APPLY_PATH + " answered without a \"prompt\"");
        }
        return prompt.asText();
    }
}
