// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;

/**
 * The server's own words from an error body, in whichever shape it uses:
 * <ul>
 *   <li>OpenAI, vLLM, llama.cpp, Ollama {@code /v1}: {@code {"error":{"message","type","code"}}};</li>
 *   <li>Anthropic: {@code {"type":"error","error":{"type","message"}}};</li>
 *   <li>Gemini: {@code {"error":{"code","message","status"}}}, or wrapped in an array;</li>
 *   <li>Ollama native: {@code {"error":"…"}}; older vLLM: flat {@code {"object":"error","message","type"}};</li>
 *   <li>anything else (a proxy's HTML, a plain-text 404): the text itself, trimmed.</li>
 * </ul>
 *
 * @param message what the server said, never empty unless the body was
 * @param type its error type or status ({@code invalid_request_error}, {@code RESOURCE_EXHAUSTED}), or null
 */
record ErrorBody(String message, @Nullable String type) {

    static final int PLAIN_TEXT_LIMIT = 300;
    private static final int MESSAGE_LIMIT = 1000;
    private static final ObjectMapper JSON = WireJson.MAPPER;

    static ErrorBody parse(String body) {
        String trimmed = body.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                ErrorBody parsed = fromJson(JSON.readTree(trimmed));
                if (parsed != null) {
                    return parsed;
                }
            } catch (JacksonException e) {
                // Not JSON after all (a truncated body, an HTML page starting oddly): fall through to plain text.
            }
        }
        return new ErrorBody(shorten(trimmed.replaceAll("\\s+", " "), PLAIN_TEXT_LIMIT), null);
    }

    /** The error an already-parsed value describes, or null when it describes none. */
    static @Nullable ErrorBody fromJson(JsonNode root) {
        JsonNode node = root.isArray() && !root.isEmpty() ? root.get(0) : root;
        JsonNode error = node.get("error");
        if (error != null && error.isTextual()) {
            return new ErrorBody(shorten(error.asText(), MESSAGE_LIMIT), null);
        }
        if (error != null && error.isObject()) {
            return fromObject(error);
        }
        if ("error".equals(node.path("object").asText()) && node.has("message")) {
            return fromObject(node);
        }
        return null;
    }

    private static ErrorBody fromObject(JsonNode error) {
        String message = error.path("message").asText("");
        String type = firstText(error, "type", "status", "code");
        return new ErrorBody(shorten(message.isEmpty() ? error.toString() : message, MESSAGE_LIMIT), type);
    }

    private static @Nullable String firstText(JsonNode error, String... fields) {
        for (String field : fields) {
            JsonNode value = error.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String shorten(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
