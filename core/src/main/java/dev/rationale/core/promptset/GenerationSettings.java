// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a model generates: every field is optional, and a more specific layer (target, variant) overrides a more
 * general one (the set's defaults) field by field through {@link #overriddenBy}.
 */
@JsonPropertyOrder({"temperature", "topP", "maxTokens", "stop", "seed", "topLogprobs", "thinking"})
public record GenerationSettings(
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer maxTokens,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> stop,
        @Nullable Long seed,
        @Nullable Integer topLogprobs,
        @Nullable ThinkingLevel thinking) {

    public static final GenerationSettings NONE = new GenerationSettings(null, null, null, null, null, null, null);

    public GenerationSettings {
        stop = Lists.copyOf(stop);
    }

    /** Settings that leave thinking to the model. */
    public GenerationSettings(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxTokens,
            @Nullable List<String> stop, @Nullable Long seed, @Nullable Integer topLogprobs) {
        this(temperature, topP, maxTokens, stop, seed, topLogprobs, null);
    }

    public GenerationSettings withThinking(@Nullable ThinkingLevel level) {
        return new GenerationSettings(temperature, topP, maxTokens, stop, seed, topLogprobs, level);
    }

    /** These settings with every field that {@code more} sets replaced by its value. */
    public GenerationSettings overriddenBy(@Nullable GenerationSettings more) {
        if (more == null) {
            return this;
        }
        return new GenerationSettings(
                more.temperature != null ? more.temperature : temperature,
                more.topP != null ? more.topP : topP,
                more.maxTokens != null ? more.maxTokens : maxTokens,
                more.stop.isEmpty() ? stop : more.stop,
                more.seed != null ? more.seed : seed,
                more.topLogprobs != null ? more.topLogprobs : topLogprobs,
                more.thinking != null ? more.thinking : thinking);
    }

    @JsonIgnore
    public boolean isGreedy() {
        return temperature != null && temperature == 0.0;
    }
}
