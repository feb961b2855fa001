// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * How one completion turned out: the grader's verdict, or {@link #FAILED} when the call itself failed (the backend
 * refused, the stream broke) so there was nothing complete to grade. The one word for this idea across grading,
 * results files, the history and reports; {@link AnswerGrader} never concludes {@link #FAILED}, the caller that
 * saw the call fail does.
 *
 * <p>The {@link #id() ids} are stored and printed: in results files (the {@code status} field), in the history
 * database (the {@code grade} column), in result exports, the HTML report and {@code history compare --json}.
 * Never change one.
 */
public enum Verdict {
    /** The extracted answer matches the expected one. */
    CORRECT("correct"),
    /** An answer was found and it does not match the expected one. */
    WRONG("wrong"),
    /** The completion holds no answer the format's rules can find; counts as wrong. */
    NO_ANSWER("no-answer"),
    /** An answer was found but not judged: the compare rule is {@code none} or there is no expected answer. */
    UNGRADED("ungraded"),
    /** The request failed, so there is no completion to grade; a resumed evaluation asks again. */
    FAILED("failed");

    private static final Verdict[] VALUES = values();

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    /** The name stored in files and the database, e.g. {@code no-answer}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** Whether the model gave a completion (anything but a failure). */
    public boolean answered() {
        return this != FAILED;
    }

    /** The verdict whose {@link #id()} is {@code id} (surrounding white space ignored), or empty. */
    public static Optional<Verdict> parse(String id) {
        String wanted = id.strip();
        // A loop, not a stream: the history parses one per completion it reads.
        for (Verdict verdict : VALUES) {
            if (verdict.id.equals(wanted)) {
                return Optional.of(verdict);
            }
        }
        return Optional.empty();
    }
}
