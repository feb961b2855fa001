// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;

/** The JSON the history keeps in text columns: requests, settings, variant ids and targets. */
final class HistoryJson {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<RunTarget>> TARGETS = new TypeReference<>() {
    };

    private static final ObjectMapper JSON = new ObjectMapper()
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
            // A newer Rationale may add fields; an older one still reads what it knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(RenderedPrompt.class, RenderedPromptType.class);

    /**
     * Reading a prompt back needs to know which record it was; the {@code shape} field every rendered prompt
     * already writes says so. Kept here rather than on {@link RenderedPrompt}, whose JSON is the CLI's contract.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "shape")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = RenderedPrompt.Chat.class, name = "chat"),
        @JsonSubTypes.Type(value = RenderedPrompt.Text.class, name = "text")})
    private interface RenderedPromptType {
    }

    private HistoryJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new HistoryException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static CompletionRequest request(String json) {
        return read(json, CompletionRequest.class);
    }

    static GenerationSettings settings(String json) {
        return read(json, GenerationSettings.class);
    }

    static List<String> strings(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw unreadable("a list of names", e);
        }
    }

    static List<RunTarget> targets(String json) {
        try {
            return JSON.readValue(json, TARGETS);
        } catch (JsonProcessingException e) {
            throw unreadable("a list of targets", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(type.getSimpleName(), e);
        }
    }

    private static HistoryException unreadable(String what, JsonProcessingException e) {
        return new HistoryException("the history holds " + what + " that cannot be read: "
                + e.getOriginalMessage(), e);
    }
}
