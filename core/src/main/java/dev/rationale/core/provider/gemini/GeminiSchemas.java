// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON Schema in the form of Gemini's {@code responseSchema}, an OpenAPI subset: type names in capitals
 * ({@code OBJECT}, {@code INTEGER}), and no {@code additionalProperties}, which older models refuse with a 400 (a
 * Gemini reply holds only the properties named anyway). Pure.
 */
final class GeminiSchemas {

    private GeminiSchemas() {
    }

    static ObjectNode of(ObjectNode schema) {
        ObjectNode out = schema.objectNode();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "additionalProperties", "$schema" -> {
                }
                case "type" -> out.put("type", value.asText().toUpperCase(Locale.ROOT));
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(),
                            p.getValue() instanceof ObjectNode o ? of(o) : p.getValue()));
                }
                case "items" -> out.set("items", value instanceof ObjectNode o ? of(o) : value);
                default -> out.set(field.getKey(), value);
            }
        }
        return out;
    }
}
