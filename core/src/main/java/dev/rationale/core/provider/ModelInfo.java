// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A model a backend offers.
 *
 * @param id the name to put in a request
 * @param parameters the parameter count, where known
 * @param contextLength the context size in tokens, where known
 */
@JsonPropertyOrder({"id", "parameters", "contextLength"})
public record ModelInfo(String id, @Nullable Long parameters, @Nullable Integer contextLength) {
    public static ModelInfo named(String id) {
        return new ModelInfo(id, null, null);
    }
}
