// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a completion ended. */
public enum FinishReason {
    /** The model ended its answer (an end-of-sequence token). */
    @JsonProperty("stop") STOP,
    /** A stop sequence was generated. */
    @JsonProperty("stop-sequence") STOP_SEQUENCE,
    /** The token limit was reached. */
    @JsonProperty("length") LENGTH,
    /** The provider filtered the output. */
    @JsonProperty("content-filter") CONTENT_FILTER,
    /** The caller cancelled. */
    @JsonProperty("cancelled") CANCELLED,
    /** The backend gave a reason we do not know, or none. */
    @JsonProperty("other") OTHER
}
