// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.UsageReported;
import dev.rationale.core.provider.http.HttpErrors;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireFields;
import dev.rationale.core.provider.http.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OpenAI-style SSE stream: one JSON chunk per event, ended by {@code data: [DONE]}. Every payload is
 * checked for a top-level {@code error} before it is treated as a chunk, because errors after HTTP 200 arrive
 * in-band (vLLM then still sends {@code [DONE]}, llama.cpp just closes; older llama.cpp sends a non-standard
 * {@code error:} field instead). A body that ends without {@code [DONE]} was cut: the stream fails as
 * INTERRUPTED, keeping what arrived. A chunk that is not a JSON object, a null choice, a choice of a sample not
 * asked for, or a field of the wrong type is MALFORMED_REPLY, worded by {@link MalformedReply}.
 */
final class OpenAiEventStream implements StreamingCall.BodyHandler {

    /** Turns the choices of one protocol's chunks into events. */
    interface ChunkMapper<C> {
        /** The record a chunk of this protocol is read into. */
        Class<? extends StreamChunk<C>> chunkType();

        /** The sample a choice belongs to, as sent. */
        int indexOf(C choice);

        /** Adds the events of one choice, in order. */
        void onChoice(C choice, List<CompletionEvent> events) throws IOException;

        /**
         * The chunk {@code data} holds when the protocol reads plain chunks itself, without the mapper; null leaves
         * it to the mapper.
         */
        default @Nullable StreamChunk<C> plainChunk(String data) {
            return null;
        }

        /** Text held back until the end (a partial think tag), emitted at {@code [DONE]} or a cut. */
        List<CompletionEvent> onEnd();
    }

    private final String provider;
    private final int samples;
    private final ChunkMapper<?> mapper;
    private final WireFields fields;

    /** @param samples the choices asked for; a chunk naming another index is malformed */
    OpenAiEventStream(String provider, int samples, ChunkMapper<?> mapper) {
        this.provider = provider;
        this.samples = samples;
        this.mapper = mapper;
        this.fields = new WireFields(provider, "a stream chunk");
    }

    @Override
    public void read(BufferedSource body, StreamingCall.Emitter emitter) throws IOException {
        SseDataReader events = new SseDataReader(body, WireJson.MAPPER, error -> HttpErrors.inBand(provider, error));
        for (String data = events.next(); data != null; data = events.next()) {
            if (data.strip().equals("[DONE]")) {
                emitter.emitAll(mapper.onEnd());
                return;
            }
            emitter.emitAll(chunk(data, mapper));
        }
        emitter.emitAll(mapper.onEnd());
        throw emitter.cutShort("without [DONE]");
    }

    /**
     * The events of one payload. Most payloads are plain chunks, read straight into the protocol's record; anything
     * else (an in-band error, JSON that does not fit) is read again as a tree, which words the failure.
     */
    private <C> List<CompletionEvent> chunk(String data, ChunkMapper<C> mapper) throws IOException {
        StreamChunk<C> chunk = direct(data, mapper);
        if (chunk != null && (chunk.error() == null || chunk.error().isNull()) && !"error".equals(chunk.object())) {
            return events(chunk, mapper);
        }
        JsonNode tree = fields.object(parse(data));
        if (tree.hasNonNull("error")) {
            throw HttpErrors.inBand(provider, tree.get("error"));
        }
        if ("error".equals(tree.path("object").asText())) {
            throw HttpErrors.inBand(provider, tree);
        }
        return events(read(tree, mapper), mapper);
    }

    private static <C> @Nullable StreamChunk<C> direct(String data, ChunkMapper<C> mapper) {
        StreamChunk<C> plain = mapper.plainChunk(data);
        if (plain != null) {
            return plain;
        }
        try {
            return WireJson.MAPPER.readValue(data, mapper.chunkType());
        } catch (JacksonException e) {
            return null;
        }
    }

    private JsonNode parse(String data) {
        try {
            return WireJson.MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw MalformedReply.fromJson(provider, "a stream chunk", e, null);
        }
    }

    private <C> StreamChunk<C> read(JsonNode json, ChunkMapper<C> mapper) {
        try {
            return WireJson.MAPPER.treeToValue(json, mapper.chunkType());
        } catch (JacksonException e) {
            throw MalformedReply.fromJson(provider, "a stream chunk", e, json);
        }
    }

    private <C> List<CompletionEvent> events(StreamChunk<C> chunk, ChunkMapper<C> mapper) throws IOException {
        List<CompletionEvent> events = new ArrayList<>();
        List<C> choices = chunk.choices() == null ? List.of() : chunk.choices();
        for (int i = 0; i < choices.size(); i++) {
            C choice = choices.get(i);
            if (choice == null) {
                throw fields.malformed("has choices[" + i + "] null, expected an object");
            }
            WireFields.sampleIndex(provider, "choice", mapper.indexOf(choice), samples);
            mapper.onChoice(choice, events);
        }
        if (chunk.usage() != null) {
            events.add(new UsageReported(chunk.usage().toUsage()));
        }
        return events;
    }
}
