// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.render.PromptIntake;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Whether an Ollama model has a chat template, from {@code POST /api/show}: a base model's Modelfile template is
 * empty or only passes the prompt through ({@code {{ .Prompt }}}). Answers are kept per model for the provider's
 * life, since a model's template does not change under one name. Thread-safe.
 */
final class OllamaTemplates {
    static final String SHOW_PATH = "/api/show";

    private final OkHttpClient client;
    private final BaseUrl baseUrl;
    private final ObjectMapper json;
    private final Map<String, PromptIntake> known = new ConcurrentHashMap<>();

    OllamaTemplates(OkHttpClient client, BaseUrl baseUrl, ObjectMapper json) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.json = json;
    }

    /** Blocks on the first call for a model; see {@link dev.rationale.core.provider.ChatProvider#intake}. */
    PromptIntake intake(String model) {
        PromptIntake cached = known.get(model);
        if (cached != null) {
            return cached;
        }
        Request request = new Request.Builder().url(baseUrl.resolve(SHOW_PATH))
                .post(JsonBody.of(json, Map.of("model", model))).build();
        JsonNode show = BlockingCall.execute(client, request, OllamaProvider.NAME,
                body -> json.readTree(body.inputStream()));
        // The server applies the template on /api/chat, so chat goes on the wire as messages.
        PromptIntake intake = isPassThrough(show.path("template").asText(""))
                ? PromptIntake.baseModel(OllamaProvider.NAME, model)
                : PromptIntake.templated(OllamaProvider.NAME, model, null);
        known.put(model, intake);
        return intake;
    }

    static boolean isPassThrough(String template) {
        String bare = template.replaceAll("\\s+", "");
        return bare.isEmpty() || bare.equals("{{.Prompt}}");
    }
}
