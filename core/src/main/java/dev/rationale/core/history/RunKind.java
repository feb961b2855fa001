// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What started a run, so that History can be filtered by the work it holds. Each kind but {@link #EVALUATION} is one
 * completion: a Compare "Run all" over three columns keeps three {@link #COMPARE} runs, as the columns end (and may
 * be stopped) one by one. Builds that predate a kind cannot read a history holding it.
 */
public enum RunKind {
    /** A grid of variants x targets x cases. */
    EVALUATION("evaluations"),
    /** One prompt sent once: Compose's Run (Ctrl+Enter). */
    PROMPT("prompts"),
    /** One column of Compare run with the others. */
    COMPARE("compare columns"),
    /** A continuation of an answer from another token, opened from Output as a Compare column. */
    BRANCH("branches");

    private final String plural;

    RunKind(String plural) {
        this.plural = plural;
    }

    /** The name stored in the database and printed by the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How a filter names the runs of this kind, e.g. "compare columns". */
    public String plural() {
        return plural;
    }

    /** The kind whose {@link #id} is {@code id}, ignoring ASCII case; empty when there is none. */
    public static Optional<RunKind> parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id().equals(wanted)).findFirst();
    }

    static RunKind fromId(String id) {
        return parse(id).orElseThrow(() -> new HistoryException("unknown run kind in history: " + id));
    }
}
