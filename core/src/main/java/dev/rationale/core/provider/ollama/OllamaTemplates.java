// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.IntakeCache;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.render.PromptIntake;
import java.util.Map;

/**
 * Whether an Ollama model has a chat template, from {@code POST /api/show}: a base model's Modelfile template is
 * empty or only passes the prompt through ({@code {{ .Prompt }}}). Answers are kept per model for the provider's
 * life, since a model's template does not change under one name. Thread-safe.
 */
final class OllamaTemplates {
    static final String SHOW_PATH = "/api/show";

    private final HttpEndpoint endpoint;
    private final IntakeCache known = new IntakeCache();

    OllamaTemplates(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Blocks on the first call for a model; see {@link dev.rationale.core.provider.CompletionProvider#intake}. */
    PromptIntake intake(String model) {
        return known.get(model, this::ask);
    }

    private PromptIntake ask(String model) {
        JsonNode show = endpoint.json(endpoint.post(SHOW_PATH, Map.of("model", model)).build());
        // The server applies the template on /api/chat, so chat goes on the wire as messages.
        return isPassThrough(show.path("template").asText(""))
                ? PromptIntake.baseModel(OllamaProvider.NAME, model)
                : PromptIntake.templated(OllamaProvider.NAME, model, null);
    }

    static boolean isPassThrough(String template) {
        String bare = template.replaceAll("\\s+", "");
        return bare.isEmpty() || bare.equals("{{.Prompt}}");
    }
}
