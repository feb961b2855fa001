// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One worked example shown to the model: a value for each input variable, an optional rationale (the chain of
 * reasoning) and the answer. A disabled exemplar is kept in the file but never shown.
 */
@JsonPropertyOrder({"id", "inputs", "rationale", "answer", "enabled"})
public record Exemplar(
        @Nullable String id,
        Map<String, String> inputs,
        @Nullable String rationale,
        @Nullable String answer,
        boolean enabled) {

    public Exemplar {
        inputs = Lists.copyOf(inputs);
    }

    // Jackson passes null for an absent "enabled"; absent means enabled.
    @JsonCreator
    static Exemplar fromFile(
            @JsonProperty("id") @Nullable String id,
            @JsonProperty("inputs") @Nullable Map<String, String> inputs,
            @JsonProperty("rationale") @Nullable String rationale,
            @JsonProperty("answer") @Nullable String answer,
            @JsonProperty("enabled") @Nullable Boolean enabled) {
        return new Exemplar(id, Lists.copyOf(inputs), rationale, answer, enabled == null || enabled);
    }

    public boolean hasRationale() {
        return rationale != null && !rationale.isBlank();
    }

    public Exemplar withEnabled(boolean on) {
        return new Exemplar(id, inputs, rationale, answer, on);
    }
}
