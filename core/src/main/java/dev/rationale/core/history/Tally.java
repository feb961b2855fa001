// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Completions counted by outcome. Accuracy is correct over graded, where graded means correct, wrong or without an
 * answer: ungraded completions have nothing to compare, and failed calls say nothing about the prompt.
 */
public record Tally(int total, int correct, int wrong, int noAnswer, int ungraded, int failed) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0);

    /** Completions a grader judged: correct, wrong or without an answer. */
    public int graded() {
        return correct + wrong + noAnswer;
    }

    /** Correct over graded, or null when nothing was graded. */
    public @Nullable Double accuracy() {
        int graded = graded();
        return graded == 0 ? null : (double) correct / graded;
    }

    Tally plus(Verdict outcome) {
        return new Tally(total + 1,
                correct + (outcome == Verdict.CORRECT ? 1 : 0),
                wrong + (outcome == Verdict.WRONG ? 1 : 0),
                noAnswer + (outcome == Verdict.NO_ANSWER ? 1 : 0),
                ungraded + (outcome == Verdict.UNGRADED ? 1 : 0),
                failed + (outcome == Verdict.FAILED ? 1 : 0));
    }

    Tally add(Tally other) {
        return new Tally(total + other.total, correct + other.correct, wrong + other.wrong,
                noAnswer + other.noAnswer, ungraded + other.ungraded, failed + other.failed);
    }
}
