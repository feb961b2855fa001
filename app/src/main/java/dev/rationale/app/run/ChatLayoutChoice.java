// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import dev.rationale.core.promptset.ChatLayout;
import org.jspecify.annotations.Nullable;

/** A choice of chat layout in the run bar and Evaluate: each variant's own, or one layout for all. */
public enum ChatLayoutChoice {
    VARIANTS(null, "variant's"),
    MULTI_TURN(ChatLayout.MULTI_TURN, "multi-turn"),
    SINGLE_MESSAGE(ChatLayout.SINGLE_MESSAGE, "single message");

    private final @Nullable ChatLayout layout;
    private final String label;

    ChatLayoutChoice(@Nullable ChatLayout layout, String label) {
        this.layout = layout;
        this.label = label;
    }

    /** The layout that overrides the variants'; null keeps each variant's own. */
    public @Nullable ChatLayout layout() {
        return layout;
    }

    @Override
    public String toString() {
        return label;
    }
}
