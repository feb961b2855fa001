// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.EvalTally;
import java.util.Locale;

/** How the Evaluate tab words an evaluation's progress. */
final class ProgressText {

    private ProgressText() {
    }

    /**
     * E.g. "40 of 120 completions · 31 correct · 0 failed · about 1:20 left"; the time left only while the
     * evaluation runs.
     */
    static String of(EvalTally.Counts counts, boolean running) {
        String eta = "";
        if (running && counts.timeLeft() != null) {
            eta = String.format(Locale.ROOT, " · about %d:%02d left", counts.timeLeft().toMinutes(),
                    counts.timeLeft().toSecondsPart());
        }
        String scoring = counts.scored() == 0 ? ""
                : String.format(Locale.ROOT, " · %,d cases scored by likelihood", counts.scored());
        return String.format(Locale.ROOT, "%,d of %,d completions · %,d correct · %,d failed%s%s",
                counts.done(), counts.planned(), counts.correct(), counts.failed(), scoring, eta);
    }
}
