// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionEvent.TokensScored;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.WireFields;
import dev.rationale.core.provider.http.WireJson;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns the {@code data:} chunks of one {@code streamGenerateContent?alt=sse} stream into events. Use one instance
 * per stream, from one thread. Each chunk holds only new parts; per candidate the order is reasoning and answer
 * text (in part order), scored tokens, then its end. Usage is sent once, with the last values seen, just before
 * the end of the last sample to finish. Each chunk's {@code logprobsResult} is taken to score that chunk's tokens
 * only (the API does not document the split). It emits no Completed or Failed: the stream ends at plain EOF, and
 * the caller reports INTERRUPTED when that comes while {@link #finished()} is still false.
 */
final class GeminiStreamMapper {

    private static final ObjectMapper JSON = WireJson.MAPPER;
    private static final WireFields FIELDS = new WireFields("Gemini", "a stream chunk");

    private final boolean[] finishedSamples;
    private @Nullable Usage usage;
    private boolean usageSent;

    /** @param samples the candidates asked for; the stream is finished when each has a finish reason */
    GeminiStreamMapper(int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be 1 or more, got " + samples);
        }
        this.finishedSamples = new boolean[samples];
    }

    /**
     * Maps one chunk.
     *
     * @throws ProviderException mapped by {@link GeminiErrors} for a chunk with an {@code error} object;
     *     MALFORMED_REPLY for data that is not a JSON object, a candidate index outside those asked for, or a
     *     field of the wrong JSON type (absent and null fields are taken as not sent)
     */
    List<CompletionEvent> onData(String data) {
        JsonNode chunk = parse(data);
        if (chunk.has("error")) {
            throw GeminiErrors.fromBody(chunk, null);
        }
        List<CompletionEvent> events = new ArrayList<>();
        List<CompletionEvent> ends = new ArrayList<>();
        JsonNode candidates = FIELDS.array(chunk, "candidates");
        for (int position = 0; position < candidates.size(); position++) {
            JsonNode candidate = FIELDS.element(candidates, "candidates", position);
            onCandidate(sampleOf(candidate, position), candidate, events, ends);
        }
        String blockReason = FIELDS.text(FIELDS.optionalObject(chunk, "promptFeedback"), "blockReason");
        if (candidates.isEmpty() && !blockReason.isEmpty()) {
            events.add(new Notice("Gemini blocked the prompt (" + blockReason + ")"));
            finishAll(ends);
        }
        JsonNode metadata = FIELDS.optionalObject(chunk, "usageMetadata");
        if (!metadata.isMissingNode()) {
            usage = usage(metadata);
        }
        if (finished() && !usageSent && usage != null) {
            events.add(new UsageReported(usage));
            usageSent = true;
        }
        events.addAll(ends);
        return events;
    }

    /** Whether every candidate asked for has its finish reason; false at EOF means a cut-off stream. */
    boolean finished() {
        for (boolean done : finishedSamples) {
            if (!done) {
                return false;
            }
        }
        return true;
    }

    private void onCandidate(int sample, JsonNode candidate, List<CompletionEvent> events,
            List<CompletionEvent> ends) {
        if (isFinished(sample)) {
            return;
        }
        JsonNode parts = FIELDS.array(FIELDS.optionalObject(candidate, "content"), "parts");
        for (int i = 0; i < parts.size(); i++) {
            JsonNode part = FIELDS.element(parts, "content.parts", i);
            String text = FIELDS.text(part, "text");
            if (!text.isEmpty()) {
                events.add(part.path("thought").asBoolean(false) ? new ReasoningDelta(sample, text)
                        : new TextDelta(sample, text));
            }
        }
        List<ScoredToken> tokens = GeminiLogprobs.tokens(FIELDS.optionalObject(candidate, "logprobsResult"));
        if (!tokens.isEmpty()) {
            events.add(new TokensScored(sample, tokens));
        }
        String reason = FIELDS.text(candidate, "finishReason");
        if (!reason.isEmpty() && !"FINISH_REASON_UNSPECIFIED".equals(reason)) {
            markFinished(sample);
            ends.add(new SampleFinished(sample, finishReason(reason)));
        }
    }

    private void finishAll(List<CompletionEvent> ends) {
        for (int sample = 0; sample < finishedSamples.length; sample++) {
            if (!finishedSamples[sample]) {
                finishedSamples[sample] = true;
                ends.add(new SampleFinished(sample, FinishReason.CONTENT_FILTER));
            }
        }
    }

    // Proto3 JSON leaves out index 0; a chunk may also carry a single later candidate, index and all.
    private int sampleOf(JsonNode candidate, int position) {
        JsonNode index = candidate.path("index");
        if (index.isMissingNode() || index.isNull()) {
            return WireFields.sampleIndex("Gemini", "candidate", position, finishedSamples.length);
        }
        if (!index.isIntegralNumber()) {
            throw MalformedReply.wrongType("Gemini", "a candidate's index", index, "a whole number");
        }
        long value = index.canConvertToLong() ? index.longValue() : Long.MAX_VALUE;
        return WireFields.sampleIndex("Gemini", "candidate", value, finishedSamples.length);
    }

    private boolean isFinished(int sample) {
        return finishedSamples[sample];
    }

    private void markFinished(int sample) {
        finishedSamples[sample] = true;
    }

    static FinishReason finishReason(String reason) {
        return switch (reason) {
            case "STOP" -> FinishReason.STOP;
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
                    FinishReason.CONTENT_FILTER;
            // LANGUAGE, MALFORMED_FUNCTION_CALL, OTHER and reasons added later.
            default -> FinishReason.OTHER;
        };
    }

    /**
     * Our completion count includes reasoning; Gemini's {@code candidatesTokenCount} does not, so thoughts are
     * added back.
     */
    private static Usage usage(JsonNode metadata) {
        Integer candidates = count(metadata, "candidatesTokenCount");
        Integer thoughts = count(metadata, "thoughtsTokenCount");
        Integer completion = candidates == null && thoughts == null ? null
                : (candidates == null ? 0 : candidates) + (thoughts == null ? 0 : thoughts);
        // promptTokenCount already counts the cached part, as our prompt count does.
        return new Usage(count(metadata, "promptTokenCount"), completion, thoughts,
                count(metadata, "cachedContentTokenCount"));
    }

    private static @Nullable Integer count(JsonNode metadata, String field) {
        JsonNode value = metadata.get(field);
        return value != null && value.canConvertToInt() ? Integer.valueOf(value.intValue()) : null;
    }

    private static JsonNode parse(String data) {
        try {
            return FIELDS.object(JSON.readTree(data));
        } catch (JsonProcessingException e) {
            throw MalformedReply.fromJson("Gemini", "a stream chunk", e, null);
        }
    }
}
