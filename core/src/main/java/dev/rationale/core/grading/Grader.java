// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.Grade;

/**
 * Grades one answer by a score: chrF against the expected text, a judge model's verdict, or the case's tests run
 * against the code. Called on a virtual thread after the endpoint's slot is handed on, so it may block (a judge's
 * request, a child process); implementations are safe to share between threads and limit their own concurrency.
 */
@FunctionalInterface
public interface Grader {
    /**
     * The grade of {@code input}: its {@link GradingInput#extracted} grade {@link Grade#scored scored}. A grader that
     * cannot finish (the judge's reply does not parse, the sandbox cannot start) says why in a failed
     * {@link dev.rationale.core.answer.GradeDetail}, never a pass.
     *
     * @throws InterruptedException when the run is cancelled while grading waits
     */
    Grade grade(GradingInput input) throws InterruptedException;
}
