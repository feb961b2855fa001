// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A model a backend offers.
 *
 * @param id the name to put in a request
 * @param size the parameter count where the backend tells it, or else where the name states it (a null given here
 *     is replaced by {@link ModelSize#fromName}); null when neither does
 * @param contextLength the context size in tokens, where known
 */
@JsonPropertyOrder({"id", "parameters", "sizeSource", "contextLength"})
public record ModelInfo(String id, @JsonIgnore @Nullable ModelSize size, @Nullable Integer contextLength) {

    public ModelInfo {
        if (size == null) {
            size = ModelSize.fromName(id);
        }
    }

    public static ModelInfo named(String id) {
        return new ModelInfo(id, null, null);
    }

    /** The parameter count, where known. */
    @JsonProperty("parameters")
    public @Nullable Long parameters() {
        return size == null ? null : size.parameters();
    }

    /** Where the parameter count comes from, where known. */
    @JsonProperty("sizeSource")
    public ModelSize.@Nullable Source sizeSource() {
        return size == null ? null : size.source();
    }
}
