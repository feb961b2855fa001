// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Grade;
import java.util.Arrays;
import java.util.Optional;

/**
 * How one stored completion turned out: the grader's verdict, or {@link #FAILED} when the call itself failed (the
 * backend refused, the stream broke) so there was nothing complete to grade.
 */
public enum Outcome {
    CORRECT("correct"),
    WRONG("wrong"),
    NO_ANSWER("no-answer"),
    UNGRADED("ungraded"),
    FAILED("failed");

    private final String id;

    Outcome(String id) {
        this.id = id;
    }

    /** The name stored in the database and used by CLI filters, e.g. {@code no-answer}. */
    public String id() {
        return id;
    }

    public static Outcome of(Grade.Verdict verdict) {
        return switch (verdict) {
            case CORRECT -> CORRECT;
            case WRONG -> WRONG;
            case NO_ANSWER -> NO_ANSWER;
            case UNGRADED -> UNGRADED;
        };
    }

    public static Optional<Outcome> parse(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id.strip())).findFirst();
    }

    static Outcome fromId(String id) {
        return parse(id).orElseThrow(() -> new HistoryException("unknown grade in history: " + id));
    }
}
