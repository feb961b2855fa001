// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A model the author suggests running the set on: a named endpoint from the user's own configuration (never a
 * URL with a key, never a secret), a model name, and settings for it.
 */
@JsonPropertyOrder({"id", "endpoint", "model", "settings"})
public record ModelTarget(
        @Nullable String id,
        @Nullable String endpoint,
        @Nullable String model,
        @Nullable GenerationSettings settings) {
}
