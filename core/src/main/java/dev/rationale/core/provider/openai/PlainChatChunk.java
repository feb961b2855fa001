// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.rationale.core.provider.http.WireJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the chunks most streams consist of (text or reasoning deltas, a finish reason, the usage) token by token
 * into a {@link ChatCompletionChunk}, the record {@link WireJson#MAPPER} would make of them. A stream sends several
 * per completion, and the mapper's creator-based reading of nested records is much more code to run in a JVM
 * that has not compiled it yet. Anything else (log-probabilities, an error, vLLM's {@code stop_reason}, a value of
 * another type than expected, JSON that does not parse) gives null, and the mapper reads that chunk as before,
 * with its coercions and its wording of what is wrong. Unknown fields are skipped, as the mapper skips them.
 */
final class PlainChatChunk {

    private PlainChatChunk() {
    }

    /** The chunk {@code data} holds, or null when it is not a plain one. */
    static @Nullable ChatCompletionChunk read(String data) {
        try (JsonParser json = WireJson.MAPPER.getFactory().createParser(data)) {
            return json.nextToken() == JsonToken.START_OBJECT ? chunk(json) : null;
        } catch (JacksonException e) {
            return null;
        } catch (IOException e) {
            // A string source does no I/O; treat it as not plain, and let the mapper say what it is.
            return null;
        }
    }

    private static @Nullable ChatCompletionChunk chunk(JsonParser json) throws IOException {
        List<ChatCompletionChunk.@Nullable Choice> choices = null;
        UsageWire usage = null;
        JsonNode error = null;
        String object = null;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "choices" -> {
                    if (value == JsonToken.START_ARRAY) {
                        choices = choices(json);
                        if (choices == null) {
                            return null;
                        }
                    } else if (value == JsonToken.VALUE_NULL) {
                        choices = null;
                    } else {
                        return null;
                    }
                }
                case "usage" -> {
                    if (value == JsonToken.START_OBJECT) {
                        usage = usage(json);
                        if (usage == null) {
                            return null;
                        }
                    } else if (value == JsonToken.VALUE_NULL) {
                        usage = null;
                    } else {
                        return null;
                    }
                }
                case "object" -> {
                    if (!isText(value)) {
                        return null;
                    }
                    object = json.getValueAsString();
                }
                case "error" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    // The mapper reads a null into a JsonNode field as NullNode.
                    error = NullNode.getInstance();
                }
                default -> json.skipChildren();
            }
        }
        return new ChatCompletionChunk(choices, usage, error, object);
    }

    private static @Nullable List<ChatCompletionChunk.@Nullable Choice> choices(JsonParser json) throws IOException {
        List<ChatCompletionChunk.@Nullable Choice> choices = new ArrayList<>();
        for (JsonToken token = json.nextToken(); token != JsonToken.END_ARRAY; token = json.nextToken()) {
            ChatCompletionChunk.Choice choice = token == JsonToken.START_OBJECT ? choice(json) : null;
            if (choice == null) {
                return null;
            }
            choices.add(choice);
        }
        return choices;
    }

    private static ChatCompletionChunk.@Nullable Choice choice(JsonParser json) throws IOException {
        int index = 0;
        ChatCompletionChunk.Delta delta = null;
        String finishReason = null;
        JsonNode stopReason = null;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "index" -> {
                    if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
                        return null;
                    }
                    index = json.getIntValue();
                }
                case "delta" -> {
                    if (value == JsonToken.START_OBJECT) {
                        delta = delta(json);
                        if (delta == null) {
                            return null;
                        }
                    } else if (value == JsonToken.VALUE_NULL) {
                        delta = null;
                    } else {
                        return null;
                    }
                }
                case "finish_reason" -> {
                    if (!isText(value)) {
                        return null;
                    }
                    finishReason = json.getValueAsString();
                }
                case "logprobs" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                }
                case "stop_reason" -> {
                    if (value != JsonToken.VALUE_NULL) {
                        return null;
                    }
                    stopReason = NullNode.getInstance();
                }
                default -> json.skipChildren();
            }
        }
        return new ChatCompletionChunk.Choice(index, delta, null, finishReason, stopReason);
    }

    private static ChatCompletionChunk.@Nullable Delta delta(JsonParser json) throws IOException {
        String content = null;
        String reasoningContent = null;
        String reasoning = null;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "content", "reasoning_content", "reasoning" -> {
                    if (!isText(value)) {
                        return null;
                    }
                    String text = json.getValueAsString();
                    if (name.equals("content")) {
                        content = text;
                    } else if (name.equals("reasoning")) {
                        reasoning = text;
                    } else {
                        reasoningContent = text;
                    }
                }
                default -> json.skipChildren();
            }
        }
        return new ChatCompletionChunk.Delta(content, reasoningContent, reasoning);
    }

    private static @Nullable UsageWire usage(JsonParser json) throws IOException {
        Integer prompt = null;
        Integer completion = null;
        Integer reasoning = null;
        Integer cached = null;
        boolean reasoningListed = false;
        boolean cachedListed = false;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "prompt_tokens", "completion_tokens" -> {
                    if (!isCount(json, value)) {
                        return null;
                    }
                    Integer count = value == JsonToken.VALUE_NULL ? null : json.getIntValue();
                    if (name.equals("prompt_tokens")) {
                        prompt = count;
                    } else {
                        completion = count;
                    }
                }
                case "completion_tokens_details", "prompt_tokens_details" -> {
                    boolean completionSide = name.equals("completion_tokens_details");
                    if (value == JsonToken.START_OBJECT) {
                        Integer[] count = detail(json, completionSide ? "reasoning_tokens" : "cached_tokens");
                        if (count == null) {
                            return null;
                        }
                        if (completionSide) {
                            reasoning = count[0];
                            reasoningListed = true;
                        } else {
                            cached = count[0];
                            cachedListed = true;
                        }
                    } else if (value != JsonToken.VALUE_NULL) {
                        return null;
                    } else if (completionSide) {
                        reasoningListed = false;
                    } else {
                        cachedListed = false;
                    }
                }
                default -> json.skipChildren();
            }
        }
        return new UsageWire(prompt, completion, reasoningListed ? new UsageWire.Details(reasoning) : null,
                cachedListed ? new UsageWire.PromptDetails(cached) : null);
    }

    /** The one count wanted from a details object, in a one-element array (null inside when absent). */
    private static Integer @Nullable [] detail(JsonParser json, String wanted) throws IOException {
        Integer[] count = new Integer[1];
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            if (name.equals(wanted)) {
                if (!isCount(json, value)) {
                    return null;
                }
                count[0] = value == JsonToken.VALUE_NULL ? null : json.getIntValue();
            } else {
                json.skipChildren();
            }
        }
        return count;
    }

    private static boolean isText(JsonToken value) {
        return value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NULL;
    }

    private static boolean isCount(JsonParser json, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL
                || value == JsonToken.VALUE_NUMBER_INT && json.getNumberType() == JsonParser.NumberType.INT;
    }
}
