// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.WireFields;
import dev.rationale.core.provider.http.WireJson;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the named SSE events of one {@code /v1/messages} stream into events for sample 0. Use one instance per
 * stream, from one thread. Text and thinking deltas pass through as they come; usage and the sample's end wait
 * for {@code message_stop}, since {@code message_start} carries the input count and {@code message_delta} the
 * stop reason and the (cumulative) output count. Signatures, tool and citation deltas, pings and event types
 * added later are ignored. It emits no Completed or Failed: the caller ends the stream, as INTERRUPTED when the
 * body ends while {@link #finished()} is still false.
 */
final class AnthropicStreamMapper {

    private static final ObjectMapper JSON = WireJson.MAPPER;
    private static final WireFields FIELDS = new WireFields("Anthropic", "a stream event");

    private @Nullable Integer inputTokens;
    private @Nullable Integer outputTokens;
    private @Nullable Integer cacheReadTokens;
    private @Nullable Integer cacheWriteTokens;
    private FinishReason reason = FinishReason.OTHER;
    private boolean finished;

    /**
     * Maps one SSE event.
     *
     * @param eventType the {@code event:} field; when absent the payload's own {@code type} is used
     * @param data the {@code data:} field, one JSON object
     * @throws ProviderException mapped by {@link AnthropicErrors} for an {@code error} event (e.g. SERVER_ERROR,
     *     retriable, for {@code overloaded_error}); MALFORMED_REPLY for data that is not a JSON object, or a
     *     field the mapper reads holding the wrong JSON type (absent and null fields are taken as not sent)
     */
    List<CompletionEvent> onEvent(@Nullable String eventType, String data) {
        JsonNode payload = parse(data);
        String type = eventType != null && !eventType.isEmpty() ? eventType : FIELDS.text(payload, "type");
        if (finished && !"error".equals(type)) {
            return List.of();
        }
        return switch (type) {
            case "message_start" -> onMessageStart(FIELDS.optionalObject(FIELDS.optionalObject(payload, "message"),
                    "usage"));
            case "content_block_start" -> onBlockStart(FIELDS.optionalObject(payload, "content_block"));
            case "content_block_delta" -> onDelta(FIELDS.optionalObject(payload, "delta"));
            case "message_delta" -> onMessageDelta(payload);
            case "message_stop" -> onMessageStop();
            case "error" -> throw AnthropicErrors.fromBody(payload, null);
            // ping, content_block_stop and event types added after this was written.
            default -> List.of();
        };
    }

    /** Whether {@code message_stop} has arrived; false at the end of the body means a cut-off stream. */
    boolean finished() {
        return finished;
    }

    private List<CompletionEvent> onMessageStart(JsonNode usage) {
        inputTokens = count(usage, "input_tokens", inputTokens);
        outputTokens = count(usage, "output_tokens", outputTokens);
        cacheReadTokens = count(usage, "cache_read_input_tokens", cacheReadTokens);
        cacheWriteTokens = count(usage, "cache_creation_input_tokens", cacheWriteTokens);
        return List.of();
    }

    // A block's start normally holds empty text; pass on whatever it does hold so nothing is lost.
    private static List<CompletionEvent> onBlockStart(JsonNode block) {
        return switch (FIELDS.text(block, "type")) {
            case "text" -> text(FIELDS.text(block, "text"), false);
            case "thinking" -> text(FIELDS.text(block, "thinking"), true);
            default -> List.of();
        };
    }

    private static List<CompletionEvent> onDelta(JsonNode delta) {
        return switch (FIELDS.text(delta, "type")) {
            case "text_delta" -> text(FIELDS.text(delta, "text"), false);
            case "thinking_delta" -> text(FIELDS.text(delta, "thinking"), true);
            default -> List.of();
        };
    }

    private List<CompletionEvent> onMessageDelta(JsonNode payload) {
        String stopReason = FIELDS.text(FIELDS.optionalObject(payload, "delta"), "stop_reason");
        if (!stopReason.isEmpty()) {
            reason = finishReason(stopReason);
        }
        JsonNode usage = FIELDS.optionalObject(payload, "usage");
        // Cumulative counts: the latest replaces what came before.
        inputTokens = count(usage, "input_tokens", inputTokens);
        outputTokens = count(usage, "output_tokens", outputTokens);
        cacheReadTokens = count(usage, "cache_read_input_tokens", cacheReadTokens);
        cacheWriteTokens = count(usage, "cache_creation_input_tokens", cacheWriteTokens);
        return List.of();
    }

    private List<CompletionEvent> onMessageStop() {
        finished = true;
        // Thinking tokens are billed inside output_tokens and not reported apart.
        return List.of(new UsageReported(usage()), new SampleFinished(0, reason));
    }

    /**
     * Anthropic's input_tokens leaves out the tokens read from or written to the cache; our prompt count holds them
     * all, the cache reads as the cached share. Cache writes (only with cache_control, which we never send) are
     * counted at the input price.
     */
    private Usage usage() {
        if (inputTokens == null || cacheReadTokens == null && cacheWriteTokens == null) {
            return new Usage(inputTokens, outputTokens, null);
        }
        int read = cacheReadTokens == null ? 0 : cacheReadTokens;
        int written = cacheWriteTokens == null ? 0 : cacheWriteTokens;
        return new Usage(inputTokens + read + written, outputTokens, null, read);
    }

    private static List<CompletionEvent> text(String text, boolean reasoning) {
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(reasoning ? new ReasoningDelta(0, text) : new TextDelta(0, text));
    }

    static FinishReason finishReason(String stopReason) {
        return switch (stopReason) {
            case "end_turn" -> FinishReason.STOP;
            case "stop_sequence" -> FinishReason.STOP_SEQUENCE;
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            // tool_use, pause_turn and reasons added later.
            default -> FinishReason.OTHER;
        };
    }

    private static @Nullable Integer count(JsonNode usage, String field, @Nullable Integer previous) {
        JsonNode value = usage.get(field);
        return value != null && value.canConvertToInt() ? Integer.valueOf(value.intValue()) : previous;
    }

    private static JsonNode parse(String data) {
        try {
            return FIELDS.object(JSON.readTree(data));
        } catch (JsonProcessingException e) {
            throw MalformedReply.fromJson("Anthropic", "a stream event", e, null);
        }
    }
}
