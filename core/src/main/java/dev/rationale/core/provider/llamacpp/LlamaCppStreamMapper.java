// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.WireFields;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code data:} payloads of one {@code /completion} stream into events for sample 0. Use one instance
 * per stream, from one thread. Per event the order is answer text, scored tokens, then (on the {@code "stop": true}
 * event) usage and the sample's end. The stream has no {@code [DONE]}: it ends at EOF, so the caller reports
 * INTERRUPTED when the body ends while {@link #finished()} is still false. Token texts are passed on as sent
 * (llama.cpp cuts a partial UTF-8 tail off {@code token}); the bytes are kept exactly for the caller to join.
 */
final class LlamaCppStreamMapper {

    private static final WireFields FIELDS = new WireFields("llama.cpp", "an event");

    private final int topLogprobs;
    private boolean finished;

    /** @param topLogprobs the alternatives asked for per token; the server may have been asked for more */
    LlamaCppStreamMapper(int topLogprobs) {
        this.topLogprobs = topLogprobs;
    }

    /**
     * Maps one parsed {@code data:} payload.
     *
     * @throws ProviderException SERVER_ERROR for an {@code {"error": {…}}} payload (the server's in-band failure
     *     after HTTP 200), MALFORMED_REPLY for a payload that is not an object, has a field of the wrong JSON
     *     type (absent and null fields are taken as not sent), malformed token bytes or an impossible probability
     */
    List<CompletionEvent> onData(JsonNode data) {
        FIELDS.object(data);
        if (data.hasNonNull("error")) {
            throw error(data.get("error"));
        }
        List<CompletionEvent> events = new ArrayList<>();
        String content = FIELDS.text(data, "content");
        if (!content.isEmpty()) {
            events.add(new TextDelta(0, content));
        }
        // Builds before Dec 2024 repeat every token's probabilities on the final event of a stream; newer builds
        // send none there. Either way each token was already scored on its own event, so the final one is skipped.
        if (!data.path("stop").asBoolean(false)) {
            List<ScoredToken> tokens = LlamaCppProbabilities.tokens(FIELDS.array(data, "completion_probabilities"),
                    topLogprobs);
            if (!tokens.isEmpty()) {
                events.add(new TokensScored(0, tokens));
            }
            return events;
        }
        Usage usage = new Usage(count(data, "tokens_evaluated"), count(data, "tokens_predicted"), null);
        events.add(new UsageReported(usage));
        events.add(new SampleFinished(0, finishReason(data)));
        finished = true;
        return events;
    }

    /** Whether the {@code "stop": true} event has arrived; false at EOF means a cut-off stream. */
    boolean finished() {
        return finished;
    }

    /**
     * The failure an error object describes. Separate because older servers send the object as a
     * non-standard {@code error:} SSE field rather than inside {@code data:}, and the caller must route it here.
     */
    static ProviderException error(JsonNode error) {
        String message = error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
        return new ProviderException(ProviderException.Kind.SERVER_ERROR, "llama.cpp: " + message);
    }

    private static @Nullable Integer count(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value != null && value.canConvertToInt() ? value.intValue() : null;
    }

    // stop_type since Dec 2024; the three stopped_* flags before it.
    private static FinishReason finishReason(JsonNode data) {
        String type = FIELDS.text(data, "stop_type");
        if (type.equals("eos") || data.path("stopped_eos").asBoolean(false)) {
            return FinishReason.STOP;
        }
        if (type.equals("word") || data.path("stopped_word").asBoolean(false)) {
            return FinishReason.STOP_SEQUENCE;
        }
        if (type.equals("limit") || data.path("stopped_limit").asBoolean(false)) {
            return FinishReason.LENGTH;
        }
        return FinishReason.OTHER;
    }
}
