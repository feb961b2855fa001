// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.ProviderKind;

/**
 * Where completions of a run came from: the endpoint by its name (never its URL's credentials or its key), its
 * protocol and the model.
 */
@JsonPropertyOrder({"endpoint", "kind", "model"})
public record RunTarget(String endpoint, ProviderKind kind, String model) {

    /** The target for {@code model} on {@code endpoint}; only the name and kind are taken from the endpoint. */
    public static RunTarget of(Endpoint endpoint, String model) {
        return new RunTarget(endpoint.name(), endpoint.kind(), model);
    }

    /** How lists show it, e.g. {@code local-ollama/llama3.2}. */
    public String label() {
        return endpoint + "/" + model;
    }
}
