// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.EvalTally;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.pool.PoolSummary;
import java.util.List;
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
        return of(counts, running, List.of());
    }

    /**
     * As above, then while it runs a line per pool it uses: each member's requests in flight of its limit, answers
     * per second and failures, or that it is out ({@link PoolSummary#compact}).
     */
    static String of(EvalTally.Counts counts, boolean running, List<PoolHealth> pools) {
        StringBuilder text = new StringBuilder(counts(counts, running));
        if (running) {
            pools.forEach(pool -> text.append('\n').append(PoolSummary.compact(pool)));
        }
        return text.toString();
    }

    private static String counts(EvalTally.Counts counts, boolean running) {
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
