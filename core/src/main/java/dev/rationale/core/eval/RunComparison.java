// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.eval.paired.SampleVerdicts;
import dev.rationale.core.history.CaseComparison;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.Tally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Two runs of the history side by side: accuracy per variant x model in each, with the difference and a
 * {@link PairedComparison} of the cases both runs graded (McNemar's test and the bootstrap interval), and every grid
 * position whose grade changed. Run A is the baseline (the older run when built by {@link #of}); differences are B
 * minus A, so a positive one means B did better.
 *
 * <p>The accuracies per cell count completions, as the history does; the paired comparison counts cases, each
 * decided from its samples by {@link SampleVerdicts}. Overall, a case is one case of one variant on one model, so
 * pairs are matched on variant, target, model and case.
 *
 * @param cells every variant x model of either run, A's in its grid order, then those only B has
 * @param changes the first grid positions whose grade differs, in grid order, up to the limit asked for
 * @param changed how many grid positions' grades differ, kept or not; likewise {@code fixed} and {@code broke}
 * @param paired every case of every cell, paired across the runs
 */
public record RunComparison(Run a, Run b, List<Cell> cells, List<Change> changes, long changed, long fixed,
        long broke, PairedComparison paired) {
    /** How many changed positions {@link #of(HistoryStore, String, String)} keeps. */
    public static final int CHANGES_KEPT = 1_000;

    public RunComparison {
        cells = List.copyOf(cells);
        changes = List.copyOf(changes);
    }

    /** How a position's grade moved from A to B. */
    public enum Direction {
        /** Not correct in A (wrong, no answer, failed or ungraded), correct in B. */
        FIXED,
        /** Correct in A, not correct in B. */
        BROKE,
        /** Any other change: wrong to no answer, or a position only one run has. */
        OTHER
    }

    /**
     * One variant on one model, in both runs; a tally is {@link Tally#ZERO} where a run lacks the cell.
     *
     * @param paired the cell's cases paired across the runs
     */
    public record Cell(String variant, String target, Tally inA, Tally inB, PairedComparison paired) {

        /** B's accuracy minus A's, or null when either graded nothing. */
        public @Nullable Double delta() {
            return RunComparison.delta(inA, inB);
        }
    }

    /** A grid position whose grade changed. */
    public record Change(CaseComparison position, Direction direction) {
    }

    /**
     * Reads runs {@code first} and {@code second} from {@code store} and compares them, the older as A, keeping the
     * first {@link #CHANGES_KEPT} changed positions.
     *
     * @throws HistoryException when either run is not in the store, or the store cannot be read
     */
    public static RunComparison of(HistoryStore store, String first, String second) {
        return of(store, first, second, CHANGES_KEPT);
    }

    /**
     * As {@link #of(HistoryStore, String, String)}, keeping the first {@code changesKept} changed positions. Both
     * runs are walked once, side by side, holding one case at a time: memory does not grow with the runs beyond
     * the changes kept.
     */
    public static RunComparison of(HistoryStore store, String first, String second, int changesKept) {
        Run one = store.run(first).orElseThrow(() -> new HistoryException("no run " + first + " in the history"));
        Run two = store.run(second).orElseThrow(() -> new HistoryException("no run " + second + " in the history"));
        boolean inOrder = !two.startedAt().isBefore(one.startedAt());
        Run a = inOrder ? one : two;
        Run b = inOrder ? two : one;
        ComparisonWalk walk = new ComparisonWalk(changesKept);
        store.compare(a.id(), b.id(), walk);
        walk.endCase();
        Map<String, Tally[]> byCell = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            for (CellTally cell : store.cellTallies(side == 0 ? a.id() : b.id())) {
                String key = cellKey(cell.variant(), cell.target().label());
                names.putIfAbsent(key, new String[] {cell.variant(), cell.target().label()});
                byCell.computeIfAbsent(key, k -> new Tally[] {Tally.ZERO, Tally.ZERO})[side] = cell.tally();
            }
        }
        List<Cell> cells = new ArrayList<>();
        byCell.forEach((key, tallies) -> cells.add(new Cell(names.get(key)[0], names.get(key)[1], tallies[0],
                tallies[1], walk.paired(key))));
        return new RunComparison(a, b, cells, walk.changes(), walk.changed(), walk.fixed(), walk.broke(),
                walk.pairedAll());
    }

    // One variant on one target (its label, endpoint/model) as a map key.
    static String cellKey(String variant, String targetLabel) {
        return variant + "\n" + targetLabel;
    }

    /** How a position's grade moved from {@code inA} to {@code inB} (null where a run has no completion there). */
    public static Direction direction(@Nullable Verdict inA, @Nullable Verdict inB) {
        if (inA != null && inB != null && inA != inB) {
            if (inB == Verdict.CORRECT) {
                return Direction.FIXED;
            }
            if (inA == Verdict.CORRECT) {
                return Direction.BROKE;
            }
        }
        return Direction.OTHER;
    }

    /** B's overall accuracy minus A's, or null when either graded nothing. */
    public @Nullable Double delta() {
        return delta(a.tally(), b.tally());
    }

    /**
     * Which run did better on the cases both graded and whether that is significant (McNemar), then the grid
     * positions that changed, e.g. "B is better: 60.0% vs 40.0% on 5 paired cases (+20.0 points, 95% interval
     * -40.0 to +80.0); only B right on 2, only A on 1; McNemar p = 1.000: not significant. 2 fixed, 1 broke."
     */
    public String verdict() {
        String counts = fixed() + " fixed, " + broke() + " broke.";
        if (a.tally().accuracy() == null || b.tally().accuracy() == null) {
            return "Nothing graded in " + (a.tally().accuracy() == null ? "A" : "B") + " to compare; " + counts;
        }
        return paired.sentence("A", "B") + " " + counts;
    }

    /** Accuracy as people read it, e.g. {@code 75.0%}, or {@code –} when nothing was graded. */
    public static String percent(@Nullable Double accuracy) {
        return accuracy == null ? "–" : String.format(Locale.ROOT, "%.1f%%", accuracy * 100);
    }

    /**
     * A difference in percentage points with its sign, e.g. {@code +12.5 points}, {@code ±0.0 points} for none;
     * {@code –} when unknown.
     */
    public static String points(@Nullable Double delta) {
        if (delta == null) {
            return "–";
        }
        return same(delta) ? "±0.0 points" : String.format(Locale.ROOT, "%+.1f points", delta * 100);
    }

    // Below what one decimal of a percentage shows.
    private static boolean same(double delta) {
        return Math.abs(delta) < 0.0005;
    }

    private static @Nullable Double delta(Tally a, Tally b) {
        Double inA = a.accuracy();
        Double inB = b.accuracy();
        return inA == null || inB == null ? null : inB - inA;
    }

    /** The 95% interval of a tally's accuracy; [0, 1] when nothing was graded. */
    public static WilsonInterval interval(Tally tally) {
        return WilsonInterval.of(tally.correct(), tally.graded());
    }
}
