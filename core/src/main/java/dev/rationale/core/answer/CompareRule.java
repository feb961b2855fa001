// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an extracted answer is matched against the expected one, after both are normalised. */
public enum CompareRule {
    @JsonProperty("numeric") NUMERIC,
    @JsonProperty("text") TEXT,
    @JsonProperty("exact") EXACT,
    @JsonProperty("choice") CHOICE,
    @JsonProperty("none") NONE
}
