// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one completion ended, as the results file records it. */
public enum SampleStatus {
    /** The extracted answer matches the expected one. */
    @JsonProperty("correct") CORRECT,
    /** An answer was found and it is not the expected one. */
    @JsonProperty("wrong") WRONG,
    /** The model answered but the answer format found no answer in it; counts as wrong. */
    @JsonProperty("no-answer") NO_ANSWER,
    /** Answered but not judged: no expected answer, or the compare rule is {@code none}. */
    @JsonProperty("ungraded") UNGRADED,
    /** The request failed; {@code reason} says why. A resumed run asks again. */
    @JsonProperty("failed") FAILED;

    /** Whether the model gave a completion (anything but a failure). */
    public boolean answered() {
        return this != FAILED;
    }
}
