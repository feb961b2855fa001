// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import org.jspecify.annotations.Nullable;

/**
 * Turns Gemini's error body, {@code {"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED",
 * "details":[…]}}}, into a {@link ProviderException}. The same body comes with a non-200 status and inside the
 * stream, so both paths map it here. Pure and thread-safe.
 */
final class GeminiErrors {

    private static final String RETRY_INFO = "type.googleapis.com/google.rpc.RetryInfo";
    private static final String ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";

    private GeminiErrors() {
    }

    /**
     * @param body the parsed error body; the one-element array a non-SSE stream wraps it in is accepted too
     * @param status the HTTP status when the body came with one; otherwise the body's own {@code code} is used
     */
    static ProviderException fromBody(JsonNode body, @Nullable Integer status) {
        JsonNode error = (body.isArray() ? body.path(0) : body).path("error");
        int code = error.path("code").asInt(0);
        Integer httpStatus = status != null ? status : code > 0 ? Integer.valueOf(code) : null;
        String grpcStatus = error.path("status").asText("");
        String message = error.path("message").asText("");
        String text = "Gemini" + (httpStatus == null ? "" : " HTTP " + httpStatus)
                + (grpcStatus.isEmpty() ? "" : " " + grpcStatus) + ": " + (message.isEmpty() ? "no message" : message)
                + retryHint(error.path("details"));
        return new ProviderException(kind(grpcStatus, httpStatus, error.path("details")), text, httpStatus, null);
    }

    private static Kind kind(String grpcStatus, @Nullable Integer httpStatus, JsonNode details) {
        // A wrong key comes as 400 INVALID_ARGUMENT; only the ErrorInfo reason tells it from a bad request.
        if ("API_KEY_INVALID".equals(detail(details, ERROR_INFO, "reason"))) {
            return Kind.AUTHENTICATION;
        }
        return switch (grpcStatus) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> Kind.INVALID_REQUEST;
            case "UNAUTHENTICATED", "PERMISSION_DENIED" -> Kind.AUTHENTICATION;
            case "NOT_FOUND" -> Kind.MODEL_NOT_FOUND;
            case "RESOURCE_EXHAUSTED" -> Kind.RATE_LIMITED;
            case "DEADLINE_EXCEEDED" -> Kind.TIMEOUT;
            case "" -> byStatus(httpStatus);
            default -> Kind.SERVER_ERROR;
        };
    }

    private static Kind byStatus(@Nullable Integer status) {
        if (status == null) {
            return Kind.SERVER_ERROR;
        }
        return switch (status) {
            case 400 -> Kind.INVALID_REQUEST;
            case 401, 403 -> Kind.AUTHENTICATION;
            case 404 -> Kind.MODEL_NOT_FOUND;
            case 408, 504 -> Kind.TIMEOUT;
            case 429 -> Kind.RATE_LIMITED;
            default -> Kind.SERVER_ERROR;
        };
    }

    // The exception has no field for a wait, so the server's advice goes into the message the user reads.
    private static String retryHint(JsonNode details) {
        String delay = detail(details, RETRY_INFO, "retryDelay");
        return delay.isEmpty() ? "" : " (retry in " + delay + ")";
    }

    private static String detail(JsonNode details, String type, String field) {
        for (JsonNode detail : details) {
            if (type.equals(detail.path("@type").asText(""))) {
                return detail.path(field).asText("");
            }
        }
        return "";
    }
}
