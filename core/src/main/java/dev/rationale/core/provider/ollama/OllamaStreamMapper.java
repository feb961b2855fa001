// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
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
 * Turns the NDJSON lines of one {@code /api/chat} or {@code /api/generate} stream into events for sample 0. Use
 * one instance per stream, from one thread. Per line the order is reasoning, answer text, scored tokens, then
 * (on the {@code "done": true} line) usage and the sample's end. Token texts are passed on as Ollama sends them:
 * a token holding part of a UTF-8 character arrives as U+FFFD with its real bytes, and joining those is left to
 * the caller. It emits no Completed or Failed: the caller ends the stream, as INTERRUPTED when the body ends
 * while {@link #finished()} is still false.
 */
final class OllamaStreamMapper {

    private static final WireFields FIELDS = new WireFields("Ollama", "a line");

    private boolean finished;

    /**
     * Maps one parsed line.
     *
     * @throws ProviderException SERVER_ERROR for an {@code {"error": "…"}} line (Ollama's in-band failure after
     *     HTTP 200), MALFORMED_REPLY for a line that is not an object, has a field of the wrong JSON type (absent
     *     and null fields are taken as not sent), malformed token bytes or an impossible logprob
     */
    List<CompletionEvent> onLine(JsonNode line) {
        FIELDS.object(line);
        if (line.hasNonNull("error")) {
            throw new ProviderException(ProviderException.Kind.SERVER_ERROR, "Ollama: " + errorText(line.get("error")));
        }
        List<CompletionEvent> events = new ArrayList<>();
        JsonNode message = FIELDS.optionalObject(line, "message");
        addText(events, true, FIELDS.text(line, "thinking"), FIELDS.text(message, "thinking"));
        addText(events, false, FIELDS.text(line, "response"), FIELDS.text(message, "content"));
        List<ScoredToken> tokens = OllamaLogprobs.tokens(FIELDS.array(line, "logprobs"));
        if (!tokens.isEmpty()) {
            events.add(new TokensScored(0, tokens));
        }
        if (line.path("done").asBoolean(false)) {
            events.add(new UsageReported(new Usage(count(line, "prompt_eval_count"), count(line, "eval_count"), null)));
            events.add(new SampleFinished(0, finishReason(FIELDS.text(line, "done_reason"))));
            finished = true;
        }
        return events;
    }

    /** Whether the {@code "done": true} line has arrived; false at the end of the body means a cut-off stream. */
    boolean finished() {
        return finished;
    }

    // /api/generate puts text at the top level and /api/chat inside "message"; one line never carries both.
    private static void addText(List<CompletionEvent> events, boolean reasoning, String generate, String chat) {
        String text = generate + chat;
        if (!text.isEmpty()) {
            events.add(reasoning ? new ReasoningDelta(0, text) : new TextDelta(0, text));
        }
    }

    private static @Nullable Integer count(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value != null && value.canConvertToInt() ? value.intValue() : null;
    }

    private static FinishReason finishReason(String doneReason) {
        return switch (doneReason) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            default -> FinishReason.OTHER;
        };
    }

    private static String errorText(JsonNode error) {
        // The native API sends a plain string; an OpenAI-style object can come from a proxy in front of it.
        return error.isTextual() ? error.asText() : error.path("message").asText(error.toString());
    }
}
