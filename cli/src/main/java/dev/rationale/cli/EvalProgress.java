// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalTally;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.pool.PoolSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one-line progress of {@code rationale eval} on a terminal, redrawn in place on standard error as each
 * completion finishes: the session's {@link EvalTally} (what counts as done is said there), i.e. completions done
 * of all, how many correct and failed, multiple-choice cases scored by likelihood, and the time left at this run's
 * pace; on a pool, each member's requests in flight, rate and failures ({@link PoolSummary#compact}). Called from
 * the runner's threads.
 */
final class EvalProgress implements EvalListener {
    private final PrintWriter err;
    private final EvalTally tally;
    private final @Nullable PoolHealth pool;

    EvalProgress(PrintWriter err, EvalTally tally, @Nullable PoolHealth pool) {
        this.err = err;
        this.tally = tally;
        this.pool = pool;
    }

    EvalProgress(PrintWriter err, EvalTally tally) {
        this(err, tally, null);
    }

    /** A progress line drawn at once, so that a resumed run shows what it starts from. */
    static EvalProgress drawn(PrintWriter err, EvalTally tally, @Nullable PoolHealth pool) {
        EvalProgress progress = new EvalProgress(err, tally, pool);
        progress.draw();
        return progress;
    }

    @Override
    public void finished(SampleRecord record) {
        draw();
    }

    /** A multiple-choice case scored by likelihood, which follows its phase's completions. */
    @Override
    public void scored(LikelihoodRecord record) {
        draw();
    }

    /** Prints the notice on a line of its own in place of the progress line, then draws the progress below it. */
    @Override
    public synchronized void limitLowered(String endpoint, int from, int to) {
        err.println(String.format(Locale.ROOT, "\r%-70s", LimitNotice.text(endpoint, from, to)));
        draw();
    }

    /** Prints the batch's new state on a line of its own, then draws the progress below it. */
    @Override
    public synchronized void batchChanged(BatchRecord batch) {
        err.println(String.format(Locale.ROOT, "\r%-70s", BatchNotice.text(batch)));
        draw();
    }

    synchronized void end() {
        err.println();
        err.flush();
    }

    private synchronized void draw() {
        err.print("\r" + line());
        err.flush();
    }

    String line() {
        EvalTally.Counts counts = tally.counts();
        String line = String.format(Locale.ROOT, "%d/%d done, %d correct, %d failed", counts.done(),
                counts.planned(), counts.correct(), counts.failed());
        if (counts.scored() > 0) {
            line += ", " + counts.scored() + " scored by likelihood";
        }
        if (counts.timeLeft() != null) {
            line += ", ETA " + duration(counts.timeLeft());
        }
        if (pool != null) {
            line += " | " + PoolSummary.compact(pool);
        }
        // Padding wipes the tail of a longer line drawn before.
        return String.format(Locale.ROOT, "%-70s", line);
    }

    private static String duration(Duration left) {
        long seconds = Math.round(left.toMillis() / 1000.0);
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
