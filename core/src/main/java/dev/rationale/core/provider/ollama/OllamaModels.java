// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the reply of {@code GET /api/tags} into models, in the server's order. The context length stays unknown:
 * only {@code POST /api/show}, one call per model, tells it.
 */
final class OllamaModels {

    static final String PATH = "/api/tags";

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMBT])");

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
            result.add(new ModelInfo(id, parameters(model.path("details").path("parameter_size").asText("")), null));
        }
        return result;
    }

    /** "3.2B" → 3_200_000_000, "270M" → 270_000_000; null for anything else, since the field is free text. */
    static @Nullable Long parameters(String parameterSize) {
        Matcher m = SIZE.matcher(parameterSize.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        int exponent = switch (m.group(2)) {
            case "K" -> 3;
            case "M" -> 6;
            case "B" -> 9;
            default -> 12;
        };
        // Decimal arithmetic, so a size like "3.2B" cannot come out one short through binary rounding.
        return new BigDecimal(m.group(1)).scaleByPowerOfTen(exponent).longValue();
    }

    private static ProviderException malformed(String detail) {
        return new ProviderException(ProviderException.Kind.MALFORMED_REPLY, "Ollama: " + detail);
    }
}
