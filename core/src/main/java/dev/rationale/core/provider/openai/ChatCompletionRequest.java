// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ReplySchema;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /chat/completions}, streamed. {@code top_k} and {@code min_p} are not OpenAI fields;
 * they are sent only when set, for the local servers that take them (OpenAI itself then rejects the request,
 * which is better than silently sampling differently from what the prompt set says).
 */
record ChatCompletionRequest(
        String model,
        List<Message> messages,
        @Nullable Integer maxTokens,
        @Nullable Integer maxCompletionTokens,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer topK,
        @Nullable Double minP,
        @Nullable Long seed,
        @Nullable List<String> stop,
        @Nullable Integer n,
        @Nullable Boolean logprobs,
        @Nullable Integer topLogprobs,
        @Nullable String reasoningEffort,
        @Nullable ResponseFormat responseFormat,
        boolean stream,
        @Nullable StreamOptions streamOptions) implements JsonBody.Written {

    record Message(String role, String content) {
    }

    /** {@code {"type": "json_schema", "json_schema": {...}}}: the reply holds to the schema. */
    record ResponseFormat(String type, JsonSchema jsonSchema) {
        static @Nullable ResponseFormat of(@Nullable ReplySchema schema) {
            return schema == null ? null
                    : new ResponseFormat("json_schema", new JsonSchema(schema.name(), schema.schema(), true));
        }
    }

    /** Strict: every property required and no others, which our reply schemas are. */
    record JsonSchema(String name, ObjectNode schema, boolean strict) {
    }

    /** Asks for the final usage chunk (with empty {@code choices}). */
    record StreamOptions(boolean includeUsage) {
    }

    static ChatCompletionRequest of(CompletionRequest request, RenderedPrompt.Chat prompt,
            OpenAiOptions.TokenLimit tokenLimit) {
        List<Message> messages = prompt.messages().stream().map(ChatCompletionRequest::message).toList();
        boolean completionField = tokenLimit == OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS;
        int k = request.requestedTopLogprobs();
        return new ChatCompletionRequest(request.model(), messages,
                completionField ? null : request.maxTokens(), completionField ? request.maxTokens() : null,
                request.temperature(), request.topP(), request.topK(), request.minP(), request.seed(),
                request.stop().isEmpty() ? null : request.stop(),
                request.samples() > 1 ? request.samples() : null,
                request.logprobs() ? Boolean.TRUE : null,
                // Omitted for k = 0: llama.cpp reads a missing top_logprobs as 20, but 0 as "no probabilities".
                request.logprobs() && k > 0 ? k : null,
                reasoningEffort(request.thinking()), ResponseFormat.of(request.replySchema()), true,
                new StreamOptions(true));
    }

    /** The same JSON as {@code WireJson.MAPPER} writes: the fields in their order, in snake_case, nulls left out. */
    @Override
    public void writeTo(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("model", model);
        json.writeArrayFieldStart("messages");
        for (Message message : messages) {
            json.writeStartObject();
            json.writeStringField("role", message.role());
            json.writeStringField("content", message.content());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeNumber(json, "max_tokens", maxTokens);
        writeNumber(json, "max_completion_tokens", maxCompletionTokens);
        writeNumber(json, "temperature", temperature);
        writeNumber(json, "top_p", topP);
        writeNumber(json, "top_k", topK);
        writeNumber(json, "min_p", minP);
        if (seed != null) {
            json.writeNumberField("seed", seed);
        }
        if (stop != null) {
            json.writeArrayFieldStart("stop");
            for (String sequence : stop) {
                json.writeString(sequence);
            }
            json.writeEndArray();
        }
        writeNumber(json, "n", n);
        if (logprobs != null) {
            json.writeBooleanField("logprobs", logprobs);
        }
        writeNumber(json, "top_logprobs", topLogprobs);
        if (reasoningEffort != null) {
            json.writeStringField("reasoning_effort", reasoningEffort);
        }
        if (responseFormat != null) {
            json.writeObjectFieldStart("response_format");
            json.writeStringField("type", responseFormat.type());
            json.writeObjectFieldStart("json_schema");
            json.writeStringField("name", responseFormat.jsonSchema().name());
            json.writeFieldName("schema");
            WireJson.MAPPER.writeTree(json, responseFormat.jsonSchema().schema());
            json.writeBooleanField("strict", responseFormat.jsonSchema().strict());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeBooleanField("stream", stream);
        if (streamOptions != null) {
            json.writeObjectFieldStart("stream_options");
            json.writeBooleanField("include_usage", streamOptions.includeUsage());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeNumber(JsonGenerator json, String name, @Nullable Number value) throws IOException {
        if (value instanceof Integer i) {
            json.writeNumberField(name, i.intValue());
        } else if (value instanceof Double d) {
            json.writeNumberField(name, d.doubleValue());
        }
    }

    /** The same request answered in one JSON body rather than a stream, as a batch file holds it. */
    ChatCompletionRequest unstreamed() {
        return new ChatCompletionRequest(model, messages, maxTokens, maxCompletionTokens, temperature, topP, topK,
                minP, seed, stop, n, logprobs, topLogprobs, reasoningEffort, responseFormat, false, null);
    }

    /**
     * {@code reasoning_effort} for a level: off is {@code "none"}, which gpt-5.1 and later take (earlier reasoning
     * models refuse it with a 400 that names the field); the other levels keep their names. Ollama's {@code /v1}
     * maps the field to {@code think}; llama.cpp and vLLM ignore it.
     */
    static @Nullable String reasoningEffort(@Nullable ThinkingLevel level) {
        if (level == null) {
            return null;
        }
        return level == ThinkingLevel.OFF ? "none" : level.id();
    }

    private static Message message(ChatMessage message) {
        return new Message(message.role().wireName(), message.content());
    }
}
