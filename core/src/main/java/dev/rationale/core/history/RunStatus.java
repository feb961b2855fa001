// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run stands. A run whose process died stays {@link #RUNNING} in the database; its completions up to that
 * point are kept.
 */
public enum RunStatus {
    RUNNING,
    COMPLETED,
    CANCELLED,
    FAILED;

    /** The name stored in the database and printed by the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RunStatus> parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }

    static RunStatus fromId(String id) {
        return parse(id).orElseThrow(() -> new HistoryException("unknown run status in history: " + id));
    }
}
