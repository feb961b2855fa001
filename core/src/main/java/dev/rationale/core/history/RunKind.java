// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.util.Arrays;
import java.util.Locale;

/** What started a run. */
public enum RunKind {
    /** A grid of variants x targets x cases. */
    EVALUATION,
    /** One prompt sent once (Compose's Run, {@code rationale run}). */
    PROMPT;

    /** The name stored in the database and printed by the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RunKind fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new HistoryException("unknown run kind in history: " + id));
    }
}
