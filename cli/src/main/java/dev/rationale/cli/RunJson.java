// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The one object {@code rationale run --json} prints; its field names are part of the CLI contract. */
@JsonPropertyOrder({"text", "reasoning", "thinking", "tokens", "finishReason", "usage", "timings", "prompt",
        "promptTokens", "notices", "error"})
record RunJson(
        String text,
        String reasoning,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Thinking thinking,
        List<ScoredToken> tokens,
        @Nullable FinishReason finishReason,
        @Nullable Usage usage,
        @Nullable Timings timings,
        RenderedPrompt prompt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<ScoredToken> promptTokens,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notices,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The model's thinking, apart from {@code text} (which never holds it): its text (the same as
     * {@code reasoning}), the tokens spent on it where the backend counts them, and its time; present only when the
     * model thought apart from the answer.
     */
    @JsonPropertyOrder({"text", "tokens", "millis"})
    record Thinking(String text, @Nullable Integer tokens, @Nullable Double millis) {
    }

    /** The JSON text for a finished (or failed) run of {@code prompt}, as it was sent (with its adaptation). */
    static String of(CompletionResult result, RenderedPrompt prompt, boolean withPromptTokens) {
        CompletionResult.Sample sample = result.first();
        Thinking thinking = sample.reasoning().isEmpty() ? null : new Thinking(sample.reasoning(),
                result.usage() == null ? null : result.usage().reasoningTokens(),
                result.timings() == null ? null : result.timings().thinkingMillis());
        RunJson json = new RunJson(sample.text(), sample.reasoning(), thinking, sample.tokens(),
                sample.finishReason(), result.usage(), result.timings(), prompt,
                withPromptTokens ? result.promptTokens() : null, result.notices(),
                result.failure() == null ? null : result.failure().getMessage());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
