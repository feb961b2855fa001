// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a variant written as raw text becomes chat messages for a backend that takes chat only (or a model that
 * wants its chat template). See {@code docs/shapes.md}.
 */
public enum ChatLayout {
    /**
     * The instruction as the system message, each exemplar as a user turn and an assistant turn, the case as the
     * last user turn; a cue or trigger starts the assistant's reply where the backend takes a prefilled reply.
     */
    @JsonProperty("multi-turn") MULTI_TURN("multi-turn", "multi-turn few-shot"),
    /** The whole prompt, as the raw-text layout writes it, in one user message. */
    @JsonProperty("single-message") SINGLE_MESSAGE("single-message", "single message");

    private final String id;
    private final String description;

    ChatLayout(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name in files and on the command line. */
    public String id() {
        return id;
    }

    /** How notes name the layout, e.g. "multi-turn few-shot". */
    public String description() {
        return description;
    }

    public static Optional<ChatLayout> parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id.equals(wanted)).findFirst();
    }
}
