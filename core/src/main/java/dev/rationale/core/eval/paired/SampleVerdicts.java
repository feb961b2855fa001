// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import dev.rationale.core.answer.Verdict;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * One case's verdict from its samples' stored verdicts, for pairing where only those are kept (the history, the
 * HTML report). The Evaluate grid votes on the samples' answers instead ({@code eval.MajorityVote}); the history
 * has the verdicts but not the task's compare rule that groups answers, so here the case is correct when more than
 * half of its graded samples (correct, wrong or without an answer) are correct. With one sample per case, the
 * common case, both rules agree. A tie is not a majority, so it counts as not correct.
 */
public final class SampleVerdicts {
    private SampleVerdicts() {
    }

    /** Whether the case counts as correct; null when no sample was graded (all failed or ungraded). */
    public static @Nullable Boolean correct(Collection<Verdict> samples) {
        int graded = 0;
        int correct = 0;
        for (Verdict verdict : samples) {
            if (graded(verdict)) {
                graded++;
                correct += verdict == Verdict.CORRECT ? 1 : 0;
            }
        }
        return graded == 0 ? null : 2 * correct > graded;
    }

    /** Whether a sample counts towards its case's verdict: correct, wrong or without an answer. */
    public static boolean graded(Verdict verdict) {
        return verdict == Verdict.CORRECT || verdict == Verdict.WRONG || verdict == Verdict.NO_ANSWER;
    }
}
