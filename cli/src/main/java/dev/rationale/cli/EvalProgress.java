// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.eval.SampleRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The one-line progress of {@code rationale eval} on a terminal, redrawn in place on standard error: completions
 * done of all, how many correct and failed, multiple-choice cases scored by likelihood, and the time left at this
 * run's pace. Completions from an earlier run count as done but not toward the pace. Called from the runner's
 * threads.
 */
final class EvalProgress implements EvalListener {
    private final PrintWriter err;
    private final int total;
    private final int doneBefore;
    private final long started = System.nanoTime();
    private int done;
    private int correct;
    private int failed;
    private int scored;

    EvalProgress(PrintWriter err, EvalPlan plan, List<SampleRecord> previous) {
        this.err = err;
        this.total = plan.totalCompletions();
        this.doneBefore = (int) previous.stream().filter(r -> r.status().answered()).count();
        this.done = doneBefore;
        this.correct = (int) previous.stream().filter(r -> r.status() == Verdict.CORRECT).count();
    }

    @Override
    public synchronized void finished(SampleRecord record) {
        done++;
        if (record.status() == Verdict.CORRECT) {
            correct++;
        } else if (record.status() == Verdict.FAILED) {
            failed++;
        }
        err.print("\r" + line());
        err.flush();
    }

    /** A multiple-choice case scored by likelihood, which follows its phase's completions. */
    @Override
    public synchronized void scored(LikelihoodRecord record) {
        scored++;
        err.print("\r" + line());
        err.flush();
    }

    synchronized void end() {
        err.println();
        err.flush();
    }

    String line() {
        String line = String.format(Locale.ROOT, "%d/%d done, %d correct, %d failed", done, total, correct, failed);
        if (scored > 0) {
            line += ", " + scored + " scored by likelihood";
        }
        int thisRun = done - doneBefore;
        if (thisRun > 0 && done < total) {
            double secondsEach = (System.nanoTime() - started) / 1e9 / thisRun;
            line += ", ETA " + duration(Math.round(secondsEach * (total - done)));
        }
        // Padding wipes the tail of a longer line drawn before.
        return String.format(Locale.ROOT, "%-70s", line);
    }

    private static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
