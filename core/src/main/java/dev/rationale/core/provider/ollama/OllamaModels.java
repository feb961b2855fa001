// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reply of {@code GET /api/tags} into models, in the server's order, with {@code details.parameter_size}
 * as the reported size. The context length stays unknown: only {@code POST /api/show}, one call per model, tells it.
 */
final class OllamaModels {

    static final String PATH = "/api/tags";

    private OllamaModels() {
    }

    /**
     * @throws ProviderException MALFORMED_REPLY when the reply has no {@code models} array or a model no name
     */
    static List<ModelInfo> parse(JsonNode tags) {
        JsonNode models = tags.path("models");
        if (!models.isArray()) {
            throw malformed("the model list has no \"models\" array");
        }
        List<ModelInfo> result = new ArrayList<>();
        for (JsonNode model : models) {
            // "name" is what /api/chat takes; newer servers repeat it as "model".
            String id = model.path("name").asText(model.path("model").asText(""));
            if (id.isEmpty()) {
                throw malformed("a model in the list has no name");
            }
            result.add(new ModelInfo(id, ModelSize.reported(model.path("details").path("parameter_size").asText("")),
                    null));
        }
        return result;
    }

    private static ProviderException malformed(String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, "Ollama: " + detail);
    }
}
