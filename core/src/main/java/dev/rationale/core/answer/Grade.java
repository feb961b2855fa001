// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of grading one completion against an expected answer.
 *
 * @param verdict whether the answer was right, wrong, missing or not graded
 * @param extracted the answer as found in the completion; null when nothing was found
 * @param normalized the extracted answer in the compare rule's canonical form; null when nothing was found
 */
public record Grade(Verdict verdict, @Nullable String extracted, @Nullable String normalized) {

    /** What grading concluded. */
    public enum Verdict {
        /** The extracted answer matches the expected one. */
        CORRECT,
        /** An answer was found and it does not match the expected one. */
        WRONG,
        /** The completion holds no answer the format's rules can find. */
        NO_ANSWER,
        /** An answer was found but not judged: the compare rule is {@code none} or there is no expected answer. */
        UNGRADED
    }
}
