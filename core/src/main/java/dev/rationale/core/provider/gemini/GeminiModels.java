// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one page of {@code GET models} ({@code {"models":[{"name":"models/…","inputTokenLimit":…}],
 * "nextPageToken":…}}) into models, with the {@code models/} prefix stripped so the id goes straight into
 * {@link GeminiRequests#streamPath(String)}. The context length is {@code inputTokenLimit}; the list gives no
 * parameter counts. Embedding and other models that cannot generate text are left out.
 */
final class GeminiModels {

    /** The API's largest page. */
    static final int PAGE_SIZE = 1000;

    private GeminiModels() {
    }

    /** The path, relative to the versioned base URL, of the first page (null) or of the page with this token. */
    static String path(@Nullable String pageToken) {
        String path = "/models?pageSize=" + PAGE_SIZE;
        return pageToken == null ? path : path + "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8);
    }

    /**
     * @throws ProviderException MALFORMED_REPLY when the reply has no {@code models} array or a model no name
     */
    static List<ModelInfo> parse(JsonNode reply) {
        JsonNode models = reply.path("models");
        if (!models.isArray()) {
            throw malformed("the model list has no \"models\" array");
        }
        List<ModelInfo> result = new ArrayList<>();
        for (JsonNode model : models) {
            String name = model.path("name").asText("");
            if (name.isEmpty()) {
                throw malformed("a model in the list has no name");
            }
            if (generates(model)) {
                String id = name.startsWith("models/") ? name.substring("models/".length()) : name;
                JsonNode limit = model.get("inputTokenLimit");
                result.add(new ModelInfo(id, null,
                        limit != null && limit.canConvertToInt() && limit.intValue() > 0 ? limit.intValue() : null));
            }
        }
        return result;
    }

    /** The token of the next page, or null when this page is the last. */
    static @Nullable String nextPageToken(JsonNode reply) {
        String token = reply.path("nextPageToken").asText("");
        return token.isEmpty() ? null : token;
    }

    // A model that does not say which methods it supports is kept: better listed than hidden.
    private static boolean generates(JsonNode model) {
        JsonNode methods = model.path("supportedGenerationMethods");
        if (!methods.isArray()) {
            return true;
        }
        for (JsonNode method : methods) {
            if ("streamGenerateContent".equals(method.asText()) || "generateContent".equals(method.asText())) {
                return true;
            }
        }
        return false;
    }

    private static ProviderException malformed(String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, "Gemini: " + detail);
    }
}
