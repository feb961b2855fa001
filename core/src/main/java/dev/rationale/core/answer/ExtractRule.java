// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the final answer sits in a completion. The format document describes each rule. */
public enum ExtractRule {
    @JsonProperty("answer-is") ANSWER_IS,
    @JsonProperty("last-number") LAST_NUMBER,
    @JsonProperty("choice") CHOICE,
    @JsonProperty("regex") REGEX,
    @JsonProperty("first-line") FIRST_LINE,
    @JsonProperty("whole") WHOLE,
    @JsonProperty("code-block") CODE_BLOCK
}
