// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.AnswerFormat;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation's report summed up as its completions finish, for runs of any size: the figures of
 * {@link EvalReport#of} for the same completions ({@link EvalSummary}), holding per completion nothing but what the
 * figures need. Each record is counted the moment it comes; a case's samples are kept only until the case has all
 * of them, then voted on ({@link MajorityVote}) and dropped, leaving a bit or two per case.
 *
 * <p><b>Resuming.</b> The records of a resumed results file come through {@link #addPrevious}: a failure there may
 * be asked again by the session, and the answer replaces it (the results file's last line wins), so a previous
 * failure is held, not counted, until it is replaced or the tally ends. A record for a completion already counted
 * otherwise (a results file with an answered line repeated, which the runner never writes) is not counted again.
 *
 * <p>Means are summed in the order records come, so they may differ from {@link EvalReport}'s in the last digits;
 * past {@value LatencySketch#EXACT} latencies per cell, the percentiles are within 0.1% ({@link LatencySketch}).
 *
 * <p>Thread-safe.
 */
public final class ReportTally {
    private static final System.Logger LOG = System.getLogger(ReportTally.class.getName());

    private final EvalPlan plan;
    private final PlanSlots slots;
    private final MajorityVote vote;
    private final CellSummary[] cells;
    // Cases of one cell (PlanSlots#caseCell) whose vote is counted.
    private final BitSet voted = new BitSet();
    // Cases with some samples but not all counted, by PlanSlots#caseCell; few at a time, since jobs go case by case.
    private final TreeMap<Integer, OpenCase> open = new TreeMap<>();
    private int completions;
    private int repeated;
    private @Nullable SampleRecord firstFailure;
    private @Nullable EvalSummary ended;

    public ReportTally(EvalPlan plan) {
        this.plan = plan;
        this.slots = PlanSlots.of(plan);
        AnswerFormat format = plan.task().effectiveAnswer();
        this.vote = MajorityVote.of(format);
        this.cells = new CellSummary[slots.cells()];
        for (int cell = 0; cell < cells.length; cell++) {
            cells[cell] = new CellSummary(slots.variant(cell), slots.target(cell), slots.caseCount(), format);
        }
    }

    /** The summary of {@code records} read whole, e.g. a results file's ({@link ResultsFile#read}). */
    public static EvalSummary of(EvalPlan plan, Iterable<SampleRecord> records) {
        ReportTally tally = new ReportTally(plan);
        records.forEach(tally::add);
        return tally.summary();
    }

    /**
     * Counts a completion as it is: one this session finished, or one of a file read a record at a time. Records of
     * other plans are ignored. Nothing is counted after {@link #summary}.
     */
    public synchronized void add(SampleRecord record) {
        add(record, false);
    }

    /** Counts a completion of the results file being resumed: a failure is held until asked again (see above). */
    public synchronized void addPrevious(SampleRecord record) {
        add(record, !record.status().answered());
    }

    private void add(SampleRecord record, boolean held) {
        int slot = slots.slot(record.key());
        if (ended != null || slot < 0) {
            return;
        }
        int caseIndex = slots.caseIndex(record.testCase());
        int cell = slots.cell(record.variant(), record.target());
        int caseCell = slots.caseCell(caseIndex, cell);
        OpenCase samples = voted.get(caseCell) ? null
                : open.computeIfAbsent(caseCell, k -> new OpenCase(slots.samples(cell)));
        if (samples == null || samples.records[record.sample()] != null && !samples.held[record.sample()]) {
            repeated++;
            return;
        }
        if (samples.records[record.sample()] == null) {
            completions++;
        }
        samples.records[record.sample()] = record;
        samples.held[record.sample()] = held;
        if (!held) {
            count(cell, record);
        }
        if (samples.complete()) {
            open.remove(caseCell);
            voted.set(caseCell);
            decide(caseIndex, cell, samples);
        }
    }

    private void count(int cell, SampleRecord record) {
        cells[cell].addRecord(record);
        if (firstFailure == null && !record.status().answered()) {
            firstFailure = record;
        }
    }

    private void decide(int caseIndex, int cell, OpenCase samples) {
        List<SampleRecord> present = Arrays.stream(samples.records).filter(Objects::nonNull).toList();
        var key = new CompletionKey.CaseKey(slots.variant(cell), slots.target(cell), plan.caseId(caseIndex));
        cells[cell].addCase(caseIndex, vote.decide(key, present, slots.samples(cell)), present);
    }

    /**
     * The figures, and the end of the tally: failures still held count as they are, cases still missing samples
     * are pending. Later calls give the same summary.
     */
    public synchronized EvalSummary summary() {
        if (ended != null) {
            return ended;
        }
        open.forEach((caseCell, samples) -> {
            int caseIndex = caseCell / cells.length;
            int cell = caseCell % cells.length;
            for (int s = 0; s < samples.records.length; s++) {
                if (samples.held[s]) {
                    count(cell, samples.records[s]);
                }
            }
            decide(caseIndex, cell, samples);
        });
        open.clear();
        if (repeated > 0) {
            LOG.log(Level.WARNING, repeated + " records repeat a completion already counted; the first was kept");
        }
        List<CellMetrics> metrics = new ArrayList<>();
        List<CellVerdicts> verdicts = new ArrayList<>();
        for (CellSummary cell : cells) {
            metrics.add(cell.metrics());
            verdicts.add(cell.verdicts());
        }
        ended = new EvalSummary(metrics, verdicts, completions, firstFailure);
        return ended;
    }

    /** How many of the plan's completions were counted so far, failed ones included. */
    public synchronized int completions() {
        return completions;
    }

    /** The samples of one case counted so far, in sample order. */
    private static final class OpenCase {
        final SampleRecord[] records;
        final boolean[] held;

        OpenCase(int samples) {
            records = new SampleRecord[samples];
            held = new boolean[samples];
        }

        boolean complete() {
            for (int s = 0; s < records.length; s++) {
                if (records[s] == null || held[s]) {
                    return false;
                }
            }
            return true;
        }
    }
}
