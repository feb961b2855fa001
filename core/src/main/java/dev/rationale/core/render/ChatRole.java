// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who speaks a chat message. */
public enum ChatRole {
    @JsonProperty("system") SYSTEM,
    @JsonProperty("user") USER,
    @JsonProperty("assistant") ASSISTANT;

    /** The role as chat APIs spell it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
