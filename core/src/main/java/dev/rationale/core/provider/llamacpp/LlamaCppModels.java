// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ModelSize;
import dev.rationale.core.provider.ProviderException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the reply of {@code GET /v1/models} ({@code {"data": [{"id", "meta": {"n_params", "n_ctx_train"}}]}})
 * into models. A plain server lists the one model it loaded; router mode lists several, possibly without
 * {@code meta}. The context length is the model's training context: the server may run with a smaller one,
 * which only {@code GET /props} tells.
 */
final class LlamaCppModels {

    static final String PATH = "/v1/models";

    private LlamaCppModels() {
    }

    /**
     * @throws ProviderException MALFORMED_REPLY when the reply has no {@code data} array or a model no id
     */
    static List<ModelInfo> parse(JsonNode reply) {
        JsonNode data = reply.path("data");
        if (!data.isArray()) {
            throw malformed("the model list has no \"data\" array");
        }
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode model : data) {
            String id = model.path("id").asText("");
            if (id.isEmpty()) {
                throw malformed("a model in the list has no id");
            }
            JsonNode meta = model.path("meta");
            // n_params is llama_model_n_params of the weights the server loaded: counted, not a label.
            JsonNode parameters = meta.get("n_params");
            models.add(new ModelInfo(id, ModelSize.measured(parameters != null && parameters.canConvertToLong()
                    ? parameters.longValue() : null),
                    positiveInt(meta.get("n_ctx_train"))));
        }
        return models;
    }

    private static @Nullable Integer positiveInt(@Nullable JsonNode value) {
        return value != null && value.canConvertToInt() && value.intValue() > 0 ? value.intValue() : null;
    }

    private static ProviderException malformed(String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, "llama.cpp: " + detail);
    }
}
