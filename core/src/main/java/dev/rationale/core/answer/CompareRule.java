// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How an extracted answer is matched against the expected one, after both are normalised. The last three grade what
 * exact match cannot: {@code chrf} scores a translation against the expected one, {@code judge} asks a judge model
 * ({@link JudgeSpec}), {@code tests} runs the extracted code against the case's tests ({@link CodeTestsSpec}); each
 * passes when its score reaches the format's {@link AnswerFormat#threshold}.
 */
public enum CompareRule {
    @JsonProperty("numeric") NUMERIC,
    @JsonProperty("text") TEXT,
    @JsonProperty("exact") EXACT,
    @JsonProperty("choice") CHOICE,
    @JsonProperty("none") NONE,
    @JsonProperty("chrf") CHRF,
    @JsonProperty("judge") JUDGE,
    @JsonProperty("tests") TESTS;

    /** Whether the rule grades by a score rather than by equal answers (see {@link GradeDetail}). */
    public boolean scores() {
        return this == CHRF || this == JUDGE || this == TESTS;
    }
}
