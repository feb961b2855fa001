// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a k-shot variant picks its k exemplars from the pool. */
public enum ExemplarSelection {
    /** The first k, in pool order. */
    @JsonProperty("first") FIRST,
    /** k chosen at random with the variant's seed, shown in pool order. */
    @JsonProperty("random") RANDOM
}
