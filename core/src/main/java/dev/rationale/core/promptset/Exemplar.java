// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

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
        @Nullable Boolean enabled) {

    public Exemplar {
        inputs = Lists.copyOf(inputs);
    }

    /** Whether the exemplar may be shown; a file that leaves {@code enabled} out means yes. */
    public boolean effectiveEnabled() {
        return enabled == null || enabled;
    }

    public boolean hasRationale() {
        return rationale != null && !rationale.isBlank();
    }

    public Exemplar withEnabled(boolean on) {
        return new Exemplar(id, inputs, rationale, answer, on);
    }
}
