// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a prompt goes out as chat messages or as one raw string for a completion endpoint. */
public enum PromptShape {
    @JsonProperty("chat") CHAT,
    @JsonProperty("text") TEXT
}
