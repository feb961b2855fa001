// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CompletionRequest} as the JSON a completion's body keeps, written field by field through a generator:
 * the same text {@link HistoryJson#write} makes of it (the record's fields in order, nulls left out, the prompt's
 * {@code shape} first and an empty adaptation left out), without the mapper's reflective walk, which an
 * evaluation did once per completion in a JVM that had not compiled it yet. {@code RequestJsonTest} holds the two to
 * the same text; {@link HistoryJson#request} reads either back.
 */
final class RequestJson {
    // Buffers pooled across threads: completions are recorded from the evaluation's virtual threads, where Jackson's
    // default pool (one per thread) would allocate them afresh every time.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();

    private RequestJson() {
    }

    static String write(CompletionRequest request) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("model", request.model());
            json.writeFieldName("prompt");
            prompt(json, request.prompt());
            number(json, "maxTokens", request.maxTokens());
            number(json, "temperature", request.temperature());
            number(json, "topP", request.topP());
            number(json, "topK", request.topK());
            number(json, "minP", request.minP());
            if (request.seed() != null) {
                json.writeNumberField("seed", request.seed());
            }
            json.writeArrayFieldStart("stop");
            for (String stop : request.stop()) {
                json.writeString(stop);
            }
            json.writeEndArray();
            number(json, "topLogprobs", request.topLogprobs());
            json.writeBooleanField("logprobs", request.logprobs());
            json.writeNumberField("samples", request.samples());
            json.writeBooleanField("promptLogprobs", request.promptLogprobs());
            if (request.thinking() != null) {
                json.writeStringField("thinking", request.thinking().id());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new HistoryException("cannot write the request as JSON", e);
        }
        return text.toString();
    }

    private static void prompt(JsonGenerator json, RenderedPrompt prompt) throws IOException {
        json.writeStartObject();
        // Not a pattern switch: its call site links a type switch at run time, one more thing a cold JVM does.
        if (prompt instanceof RenderedPrompt.Chat chat) {
            json.writeStringField("shape", "chat");
            adaptation(json, chat.adaptation());
            json.writeArrayFieldStart("messages");
            for (ChatMessage message : chat.messages()) {
                json.writeStartObject();
                json.writeStringField("role", message.role().wireName());
                json.writeStringField("content", message.content());
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (prompt instanceof RenderedPrompt.Text text) {
            json.writeStringField("shape", "text");
            adaptation(json, text.adaptation());
            json.writeStringField("prompt", text.prompt());
        }
        json.writeEndObject();
    }

    private static void adaptation(JsonGenerator json, String adaptation) throws IOException {
        if (!adaptation.isEmpty()) {
            json.writeStringField("adaptation", adaptation);
        }
    }

    private static void number(JsonGenerator json, String name, @Nullable Number value) throws IOException {
        if (value instanceof Integer i) {
            json.writeNumberField(name, i.intValue());
        } else if (value instanceof Double d) {
            json.writeNumberField(name, d.doubleValue());
        }
    }
}
