// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The progress of one evaluation session: the one count the app and the command line both show.
 *
 * <p><b>What counts.</b> The plan's completions are <em>planned</em>. A completion is <em>done</em> once this
 * session will not ask for it again: it was answered (correct, wrong, no answer or ungraded), whether in an earlier
 * session (read from the results file when resuming) or in this one, or this session asked for it and the request
 * failed. A completion a previous session left <em>failed</em> is not done: resuming asks it again, so it counts
 * only when this session has finished it. <em>Failed</em> counts this session's failures only; <em>correct</em>
 * counts the done completions graded correct. Lines of the results file outside the plan (another task, a variant
 * not chosen, cases beyond the limit) are not counted. Each completion counts once, however often it is finished.
 * Multiple-choice cases <em>scored</em> by likelihood are counted apart, by this session.
 *
 * <p><b>Time left</b> is estimated at this session's pace: its own done completions over the time since the tally
 * was made, times the completions not yet done.
 *
 * <p>A byte per planned completion, whatever the results file holds. Thread-safe: the runner's threads count, any
 * thread reads a {@link Counts} snapshot.
 */
public final class EvalTally implements EvalListener {
    private static final Verdict[] VERDICTS = Verdict.values();

    private final PlanSlots slots;
    // Per completion (PlanSlots#slot): 0 while not done, else its verdict's ordinal + 1.
    private final byte[] verdicts;
    private int done;
    private final LongSupplier nanoTime;
    private final long startedNanos;
    private final int doneBefore;
    private int correct;
    private int failed;
    private int scored;

    private EvalTally(EvalPlan plan, Consumer<Consumer<SampleRecord>> previous, LongSupplier nanoTime) {
        this.slots = PlanSlots.of(plan);
        this.verdicts = new byte[Math.toIntExact(slots.completions())];
        this.nanoTime = nanoTime;
        previous.accept(record -> {
            if (record.status().answered()) {
                count(record);
            }
        });
        this.doneBefore = done;
        this.startedNanos = nanoTime.getAsLong();
    }

    /** A tally of {@code plan} that starts from the {@code previous} records of its results file (empty if new). */
    public static EvalTally of(EvalPlan plan, List<SampleRecord> previous) {
        return new EvalTally(plan, previous::forEach, System::nanoTime);
    }

    /** A tally of {@code plan} that starts from what {@code results} held when it was opened, read a line at a time. */
    public static EvalTally of(EvalPlan plan, ResultsFile results) {
        return new EvalTally(plan, each -> results.forEachPrevious(each, score -> { }), System::nanoTime);
    }

    /** As {@link #of(EvalPlan, List)}, with the clock of the pace, in nanoseconds. */
    static EvalTally of(EvalPlan plan, List<SampleRecord> previous, LongSupplier nanoTime) {
        return new EvalTally(plan, previous::forEach, nanoTime);
    }

    /** Counts a completion this session finished. */
    @Override
    public synchronized void finished(SampleRecord record) {
        count(record);
    }

    /** Counts a multiple-choice case this session scored by likelihood (or failed to). */
    @Override
    public synchronized void scored(LikelihoodRecord record) {
        scored++;
    }

    private void count(SampleRecord record) {
        int slot = slots.slot(record.key());
        if (slot < 0) {
            return;
        }
        Verdict before = verdicts[slot] == 0 ? null : VERDICTS[verdicts[slot] - 1];
        verdicts[slot] = (byte) (record.status().ordinal() + 1);
        if (before == null) {
            done++;
        }
        if (before == Verdict.CORRECT) {
            correct--;
        } else if (before == Verdict.FAILED) {
            failed--;
        }
        if (record.status() == Verdict.CORRECT) {
            correct++;
        } else if (record.status() == Verdict.FAILED) {
            failed++;
        }
    }

    /** The counts now. */
    public synchronized Counts counts() {
        int total = verdicts.length;
        int doneNow = done;
        int thisSession = doneNow - doneBefore;
        long elapsed = nanoTime.getAsLong() - startedNanos;
        Duration left = thisSession <= 0 || doneNow >= total || elapsed <= 0 ? null
                : Duration.ofNanos(elapsed / thisSession * (total - doneNow));
        return new Counts(total, doneNow, correct, failed, scored, left);
    }

    /**
     * One reading of a tally.
     *
     * @param planned the plan's completions
     * @param done completions answered (in any session) or failed in this one
     * @param correct done completions graded correct
     * @param failed completions this session asked for whose request failed
     * @param scored multiple-choice cases this session scored by likelihood
     * @param timeLeft at this session's pace; null before it finished anything and once everything is done
     */
    public record Counts(int planned, int done, int correct, int failed, int scored, @Nullable Duration timeLeft) {

        /** Done over planned, from 0 to 1. */
        public double fraction() {
            return planned == 0 ? 0 : (double) done / planned;
        }
    }
}
