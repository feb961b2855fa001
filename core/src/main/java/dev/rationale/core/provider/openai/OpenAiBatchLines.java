// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.batch.BatchAnswer;
import dev.rationale.core.provider.http.HttpErrors;
import dev.rationale.core.provider.http.WireJson;

/**
 * The lines of OpenAI's Batch API files: an input line {@code {"custom_id","method","url","body"}} for a request,
 * and the answer an output or error line {@code {"custom_id","response":{"status_code","body"},"error"}} holds.
 * Shared by the batch file export, its import and {@link OpenAiBatchApi}, so all three read and write alike. Pure
 * and thread-safe.
 */
public final class OpenAiBatchLines {
    /** How failure messages name the source. */
    public static final String SOURCE = "OpenAI Batch";
    /** The API path every line posts to. */
    public static final String URL = "/v1/chat/completions";

    private OpenAiBatchLines() {
    }

    /**
     * The input line of {@code request} under {@code customId}, without its newline.
     *
     * @throws ProviderException UNSUPPORTED when the request cannot go to a chat endpoint
     */
    public static ObjectNode input(String customId, CompletionRequest request, OpenAiOptions.TokenLimit tokenLimit) {
        ObjectNode line = WireJson.MAPPER.createObjectNode();
        line.put("custom_id", customId);
        line.put("method", "POST");
        line.put("url", URL);
        line.set("body", OpenAiChatBodies.request(request, tokenLimit));
        return line;
    }

    /**
     * What an output or error line says of {@code request}: its completion, or the failure with the line's
     * reason (a line-level {@code error}, a refused request's status and error body, a body that is not a chat
     * completion).
     */
    public static BatchAnswer answer(JsonNode line, CompletionRequest request) {
        String customId = line.path("custom_id").asText("");
        JsonNode error = line.path("error");
        if (!error.isMissingNode() && !error.isNull()) {
            String code = error.path("code").asText("");
            String message = error.path("message").asText(error.toString());
            return BatchAnswer.failed(customId, ProviderException.Kind.SERVER_ERROR,
                    SOURCE + ": " + (code.isEmpty() ? "" : code + ": ") + message);
        }
        JsonNode response = line.path("response");
        int status = response.path("status_code").asInt(0);
        JsonNode body = response.path("body");
        if (status != 200) {
            ProviderException failure = HttpErrors.fromStatus(SOURCE, status, body.toString());
            return BatchAnswer.failed(customId, failure.kind(), String.valueOf(failure.getMessage()));
        }
        try {
            CompletionResult result = OpenAiChatBodies.response(body, request.samples(),
                    request.requestedTopLogprobs(), SOURCE);
            return BatchAnswer.answered(customId, result);
        } catch (ProviderException e) {
            return BatchAnswer.failed(customId, e.kind(), String.valueOf(e.getMessage()));
        }
    }
}
