// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.http.HttpErrors;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;

/**
 * Reads an OpenAI-style SSE stream: one JSON chunk per event, ended by {@code data: [DONE]}. Every payload is
 * checked for a top-level {@code error} before it is treated as a chunk, because errors after HTTP 200 arrive
 * in-band (vLLM then still sends {@code [DONE]}, llama.cpp just closes; older llama.cpp sends a non-standard
 * {@code error:} field instead). A body that ends without {@code [DONE]} was cut: the stream fails as
 * INTERRUPTED, keeping what arrived.
 */
final class OpenAiEventStream implements StreamingCall.BodyHandler {

    /** Turns the choices of one protocol's chunks into events. */
    interface ChunkMapper<C> {
        /** The record a chunk of this protocol is read into. */
        Class<? extends StreamChunk<C>> chunkType();

        /** Adds the events of one choice, in order. */
        void onChoice(C choice, List<CompletionEvent> events) throws IOException;

        /** Text held back until the end (a partial think tag), emitted at {@code [DONE]} or a cut. */
        List<CompletionEvent> onEnd();
    }

    private final String provider;
    private final ChunkMapper<?> mapper;

    OpenAiEventStream(String provider, ChunkMapper<?> mapper) {
        this.provider = provider;
        this.mapper = mapper;
    }

    @Override
    public void read(BufferedSource body, StreamingCall.Emitter emitter) throws IOException {
        SseDataReader events = new SseDataReader(body, WireJson.MAPPER, error -> HttpErrors.inBand(provider, error));
        for (String data = events.next(); data != null; data = events.next()) {
            if (data.strip().equals("[DONE]")) {
                emitter.emitAll(mapper.onEnd());
                return;
            }
            JsonNode chunk = WireJson.MAPPER.readTree(data);
            if (chunk.hasNonNull("error")) {
                throw HttpErrors.inBand(provider, chunk.get("error"));
            }
            if ("error".equals(chunk.path("object").asText())) {
                throw HttpErrors.inBand(provider, chunk);
            }
            emitter.emitAll(events(chunk, mapper));
        }
        emitter.emitAll(mapper.onEnd());
        throw emitter.cutShort("without [DONE]");
    }

    private static <C> List<CompletionEvent> events(JsonNode json, ChunkMapper<C> mapper) throws IOException {
        StreamChunk<C> chunk = WireJson.MAPPER.treeToValue(json, mapper.chunkType());
        List<CompletionEvent> events = new ArrayList<>();
        if (chunk.choices() != null) {
            for (C choice : chunk.choices()) {
                mapper.onChoice(choice, events);
            }
        }
        if (chunk.usage() != null) {
            events.add(new UsageReported(chunk.usage().toUsage()));
        }
        return events;
    }
}
