// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.http.HttpErrors;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import java.io.IOException;
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

    /** Turns chunks of one protocol into events. */
    interface ChunkMapper {
        List<CompletionEvent> onChunk(JsonNode chunk) throws IOException;

        /** Text held back until the end (a partial think tag), emitted at {@code [DONE]} or a cut. */
        List<CompletionEvent> onEnd();
    }

    private final String provider;
    private final ChunkMapper mapper;

    OpenAiEventStream(String provider, ChunkMapper mapper) {
        this.provider = provider;
        this.mapper = mapper;
    }

    @Override
    public void read(BufferedSource body, StreamingCall.Emitter emitter) throws IOException {
        SseDataReader events = new SseDataReader(body, OpenAiJson.MAPPER, error -> HttpErrors.inBand(provider, error));
        for (String data = events.next(); data != null; data = events.next()) {
            if (data.strip().equals("[DONE]")) {
                emitter.emitAll(mapper.onEnd());
                return;
            }
            JsonNode chunk = OpenAiJson.MAPPER.readTree(data);
            if (chunk.hasNonNull("error")) {
                throw HttpErrors.inBand(provider, chunk.get("error"));
            }
            if ("error".equals(chunk.path("object").asText())) {
                throw HttpErrors.inBand(provider, chunk);
            }
            emitter.emitAll(mapper.onChunk(chunk));
        }
        emitter.emitAll(mapper.onEnd());
        throw emitter.cutShort("without [DONE]");
    }
}
