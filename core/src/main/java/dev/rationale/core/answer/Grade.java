// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of grading one completion against an expected answer.
 *
 * @param verdict whether the answer was right, wrong, missing or not graded; never {@link Verdict#FAILED}
 * @param extracted the answer as found in the completion; null when nothing was found
 * @param normalized the extracted answer in the compare rule's canonical form; null when nothing was found
 * @param detail the score and its reasons, for a rule that {@link CompareRule#scores scores}; null otherwise
 */
public record Grade(Verdict verdict, @Nullable String extracted, @Nullable String normalized,
        @Nullable GradeDetail detail) {

    /** A grade by matching answers, without a score. */
    public Grade(Verdict verdict, @Nullable String extracted, @Nullable String normalized) {
        this(verdict, extracted, normalized, null);
    }

    /**
     * This grade decided by a score: {@link Verdict#CORRECT} when it reaches {@code threshold}, {@link Verdict#WRONG}
     * below it, and {@link Verdict#UNGRADED} when grading failed (a failed grade is never a pass).
     */
    public Grade scored(GradeDetail found, double threshold) {
        Verdict decided = found.score() == null ? Verdict.UNGRADED
                : found.score() >= threshold ? Verdict.CORRECT : Verdict.WRONG;
        return new Grade(decided, extracted, normalized, found);
    }
}
