// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a variant asks for reasoning before the answer. */
public enum ReasoningStyle {
    /** Exemplars show only their answers. */
    @JsonProperty("none") NONE,
    /** Exemplars show their rationale before the answer: few-shot chain of thought. */
    @JsonProperty("few-shot-rationale") FEW_SHOT_RATIONALE,
    /** A trigger such as "Let's think step by step." follows the question: zero-shot chain of thought. */
    @JsonProperty("zero-shot-trigger") ZERO_SHOT_TRIGGER,
    /** The variant's own template; exemplars show rationales and the trigger follows when one is given. */
    @JsonProperty("custom") CUSTOM;

    public boolean showsRationales() {
        return this == FEW_SHOT_RATIONALE || this == CUSTOM;
    }
}
