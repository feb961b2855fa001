// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.GenerationSettings;

/**
 * A model to run an exported set on elsewhere: an endpoint of the user's (where it is and where its key is, never
 * the key), a model it serves, and settings for it over the set's defaults.
 *
 * @param label how the other tool names it, e.g. the set's target id or {@code endpoint/model}
 */
public record ProviderTarget(String label, Endpoint endpoint, String model, GenerationSettings settings) {
}
