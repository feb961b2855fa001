// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import dev.rationale.core.promptset.ThinkingLevel;
import org.jspecify.annotations.Nullable;

/** A choice of thinking level in the run bar: each variant's own, or one level for the run. */
public enum ThinkingChoice {
    VARIANTS(null, "variant's"),
    OFF(ThinkingLevel.OFF, "off"),
    LOW(ThinkingLevel.LOW, "low"),
    MEDIUM(ThinkingLevel.MEDIUM, "medium"),
    HIGH(ThinkingLevel.HIGH, "high");

    private final @Nullable ThinkingLevel level;
    private final String label;

    ThinkingChoice(@Nullable ThinkingLevel level, String label) {
        this.level = level;
        this.label = label;
    }

    /** The level that overrides the variants'; null keeps each variant's own (or the set's, or the model's). */
    public @Nullable ThinkingLevel level() {
        return level;
    }

    /** The choice for a level; null is {@link #VARIANTS} (nothing chosen over the variant's, or the model's). */
    public static ThinkingChoice of(@Nullable ThinkingLevel level) {
        for (ThinkingChoice choice : values()) {
            if (choice.level == level) {
                return choice;
            }
        }
        return VARIANTS;
    }

    @Override
    public String toString() {
        return label;
    }
}
