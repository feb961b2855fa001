// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Turns Anthropic's error body, {@code {"type":"error","error":{"type":"…","message":"…"}}}, into a
 * {@link ProviderException}. The same body comes with a non-200 status and, after HTTP 200, as an
 * {@code event: error} in the stream, so both paths map it here. Pure and thread-safe.
 */
final class AnthropicErrors {

    private AnthropicErrors() {
    }

    /**
     * @param body the parsed error body (or anything else: a body without the fields still gives an exception)
     * @param status the HTTP status when the body came with one; null for an error inside a stream
     */
    static ProviderException fromBody(JsonNode body, @Nullable Integer status) {
        JsonNode error = body.path("error");
        String type = error.path("type").asText("");
        String message = error.path("message").asText("");
        String text = "Anthropic" + (status == null ? "" : " HTTP " + status) + ": "
                + (message.isEmpty() ? "no message" : message) + (type.isEmpty() ? "" : " (" + type + ")");
        return new ProviderException(kind(type, error), text, status, null);
    }

    private static Kind kind(String type, JsonNode error) {
        return switch (type) {
            case "invalid_request_error", "request_too_large" -> Kind.INVALID_REQUEST;
            case "authentication_error", "permission_error" -> Kind.AUTHENTICATION;
            case "not_found_error" -> Kind.MODEL_NOT_FOUND;
            // A reached spend limit comes as a 429 too, but waiting does not lift it.
            case "rate_limit_error" -> spendLimit(error) ? Kind.INVALID_REQUEST : Kind.RATE_LIMITED;
            case "timeout_error" -> Kind.TIMEOUT;
            // api_error (500), overloaded_error (529) and types added later: the server's side, worth a retry.
            default -> Kind.SERVER_ERROR;
        };
    }

    private static boolean spendLimit(JsonNode error) {
        return "enforced_spend_limit_reached".equals(error.path("details").path("error_code").asText(""));
    }
}
