// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The verdict on one case of one variant on one target, after the vote over its samples. */
public enum CaseOutcome {
    /** The majority answer is the expected one. */
    @JsonProperty("correct") CORRECT,
    /** The majority answer is another, or no sample gave an answer. */
    @JsonProperty("wrong") WRONG,
    /** Every sample failed; nothing to vote on. */
    @JsonProperty("failed") FAILED,
    /** Answered, but there is nothing to grade against (no expected answer, or compare {@code none}). */
    @JsonProperty("ungraded") UNGRADED,
    /** Some samples have not run yet (a cancelled run). */
    @JsonProperty("pending") PENDING
}
