// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptIntake;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The chat template of the model a llama.cpp server runs: {@code GET /props} says whether it has one
 * ({@code chat_template}), and {@code POST /apply-template} applies it, so a chat prompt reaches the raw-text
 * {@code /completion} formatted exactly as the server's own chat route would format it. A server runs one model,
 * so the answer is kept for the provider's life. Thread-safe.
 */
final class LlamaCppTemplates {
    static final String PROPS_PATH = "/props";
    static final String APPLY_PATH = "/apply-template";

    private final OkHttpClient client;
    private final BaseUrl baseUrl;
    private final ObjectMapper json;
    private final AtomicReference<Boolean> hasTemplate = new AtomicReference<>();

    LlamaCppTemplates(OkHttpClient client, BaseUrl baseUrl, ObjectMapper json) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.json = json;
    }

    /** Blocks on the first call; see {@link dev.rationale.core.provider.ChatProvider#intake}. */
    PromptIntake intake(String model) {
        Boolean known = hasTemplate.get();
        if (known == null) {
            Request request = new Request.Builder().url(baseUrl.resolve(PROPS_PATH)).get().build();
            JsonNode props = BlockingCall.execute(client, request, LlamaCppProvider.NAME,
                    body -> json.readTree(body.inputStream()));
            known = !props.path("chat_template").asText("").isBlank();
            hasTemplate.set(known);
        }
        String name = model.isBlank() ? "the server's model" : model;
        return known ? PromptIntake.templated(LlamaCppProvider.NAME, name, this::apply)
                : PromptIntake.baseModel(LlamaCppProvider.NAME, name);
    }

    private String apply(List<ChatMessage> messages) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role().wireName()).put("content", m.content()));
        Request request = new Request.Builder().url(baseUrl.resolve(APPLY_PATH)).post(JsonBody.of(json, body)).build();
        JsonNode reply = BlockingCall.execute(client, request, LlamaCppProvider.NAME,
                in -> json.readTree(in.inputStream()));
        JsonNode prompt = reply.get("prompt");
        if (prompt == null || !prompt.isTextual()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                    LlamaCppProvider.NAME + ": " + APPLY_PATH + " answered without a \"prompt\"");
        }
        return prompt.asText();
    }
}
