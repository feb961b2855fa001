// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much a reasoning model should think before it answers, in words a user picks: off, or a low, medium or high
 * effort. No level (null where one is taken) leaves it to the model. Each backend maps a level to its own control
 * ({@code docs/thinking.md}): OpenAI's {@code reasoning_effort}, an Anthropic or Gemini token budget, Ollama's
 * {@code think}, or the chat template's {@code enable_thinking}. A backend that can only switch thinking on or off
 * takes every level as on, and says so in a notice.
 */
public enum ThinkingLevel {
    @JsonProperty("off") OFF("off"),
    @JsonProperty("low") LOW("low"),
    @JsonProperty("medium") MEDIUM("medium"),
    @JsonProperty("high") HIGH("high");

    private final String id;

    ThinkingLevel(String id) {
        this.id = id;
    }

    /** The name in files, on the command line and in the UI. */
    public String id() {
        return id;
    }

    /** Whether the model should think at all. */
    public boolean on() {
        return this != OFF;
    }

    /** The level named {@code name} (any case, surrounding blanks ignored). */
    public static Optional<ThinkingLevel> parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id.equals(wanted)).findFirst();
    }

    /** The names, for messages: "off, low, medium, high". */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ThinkingLevel::id).toList());
    }
}
