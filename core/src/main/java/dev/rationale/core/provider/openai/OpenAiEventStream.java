// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.http.HttpErrors;
import dev.rationale.core.provider.http.SseReader;
import dev.rationale.core.provider.http.StreamingCall;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

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

    private static final System.Logger LOG = System.getLogger(OpenAiEventStream.class.getName());

    private final String provider;
    private final ChunkMapper mapper;

    OpenAiEventStream(String provider, ChunkMapper mapper) {
        this.provider = provider;
        this.mapper = mapper;
    }

    @Override
    public void read(BufferedSource body, StreamingCall.Emitter emitter) throws IOException {
        SseReader reader = new SseReader(body);
        Payload payload = new Payload();
        while (reader.next(payload)) {
            String data = payload.take();
            if (data.isBlank()) {
                continue;
            }
            if (data.strip().equals("[DONE]")) {
                emitAll(mapper.onEnd(), emitter);
                return;
            }
            JsonNode chunk = OpenAiJson.MAPPER.readTree(data);
            if (chunk.hasNonNull("error")) {
                throw HttpErrors.inBand(provider, chunk.get("error"));
            }
            if ("error".equals(chunk.path("object").asText())) {
                throw HttpErrors.inBand(provider, chunk);
            }
            emitAll(mapper.onChunk(chunk), emitter);
        }
        emitAll(mapper.onEnd(), emitter);
        throw emitter.cutShort("without [DONE]");
    }

    private static void emitAll(List<CompletionEvent> events, StreamingCall.Emitter emitter) {
        for (CompletionEvent event : events) {
            emitter.emit(event);
        }
    }

    /** Holds the event just read, so that parsing (which throws checked exceptions) happens outside the callback. */
    private final class Payload implements SseReader.Listener {
        private @Nullable String data;

        @Override
        public void onEvent(@Nullable String type, String eventData) {
            data = eventData;
        }

        @Override
        public void onUnknownField(String name, String value) {
            if (name.equals("error")) {
                JsonNode error;
                try {
                    error = OpenAiJson.MAPPER.readTree(value);
                } catch (IOException e) {
                    error = OpenAiJson.MAPPER.getNodeFactory().textNode(value);
                }
                throw HttpErrors.inBand(provider, error.has("error") ? error.get("error") : error);
            }
            LOG.log(Level.DEBUG, () -> provider + ": ignored SSE field \"" + name + "\"");
        }

        String take() {
            String taken = data == null ? "" : data;
            data = null;
            return taken;
        }
    }
}
