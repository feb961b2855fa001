// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.GenerationSettings;

/**
 * A model to evaluate: an endpoint and a model name on it, with settings of its own.
 *
 * @param id unique within a plan; names the target in results and reports
 * @param settings override the prompt set's defaults and are overridden by the variant's
 */
public record EvalTarget(String id, Endpoint endpoint, String model, GenerationSettings settings) {

    /** A target named after its model, with no settings of its own. */
    public static EvalTarget of(Endpoint endpoint, String model) {
        return new EvalTarget(model, endpoint, model, GenerationSettings.NONE);
    }
}
