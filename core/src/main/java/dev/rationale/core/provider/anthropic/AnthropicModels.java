// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of {@code GET /v1/models} ({@code {"data":[{"id":…}], "has_more":…, "last_id":…}}) into
 * models, newest first as the API lists them. The list gives neither parameter counts nor context sizes.
 */
final class AnthropicModels {

    /** The API's largest page, so one call usually lists every model. */
    static final int PAGE_SIZE = 1000;

    private AnthropicModels() {
    }

    /** The path of the first page (null) or of the page after {@code afterId}. */
    static String path(@Nullable String afterId) {
        String path = "/v1/models?limit=" + PAGE_SIZE;
        return afterId == null ? path : path + "&after_id=" + URLEncoder.encode(afterId, StandardCharsets.UTF_8);
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
            models.add(ModelInfo.named(id));
        }
        return models;
    }

    /** The {@code after_id} of the next page, or null when this page is the last. */
    static @Nullable String nextAfterId(JsonNode reply) {
        String lastId = reply.path("last_id").asText("");
        return reply.path("has_more").asBoolean(false) && !lastId.isEmpty() ? lastId : null;
    }

    private static ProviderException malformed(String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, "Anthropic: " + detail);
    }
}
