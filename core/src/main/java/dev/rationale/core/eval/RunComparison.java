// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.Verdict;
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
 * Two runs of the history side by side: accuracy per variant x model in each, with the difference and whether
 * their 95% intervals overlap, and every grid position whose grade changed. Run A is the baseline (the older run
 * when built by {@link #of}); differences are B minus A, so a positive one means B did better.
 *
 * @param cells every variant x model of either run, A's in its grid order, then those only B has
 * @param changes the grid positions whose grade differs, in grid order
 */
public record RunComparison(Run a, Run b, List<Cell> cells, List<Change> changes) {

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

    /** One variant on one model, in both runs; a tally is {@link Tally#ZERO} where a run lacks the cell. */
    public record Cell(String variant, String target, Tally inA, Tally inB) {

        /** B's accuracy minus A's, or null when either graded nothing. */
        public @Nullable Double delta() {
            return RunComparison.delta(inA, inB);
        }

        /** Whether the 95% intervals of A's and B's accuracy overlap: when they do, the gap may be chance. */
        public boolean intervalsOverlap() {
            return RunComparison.overlap(inA, inB);
        }
    }

    /** A grid position whose grade changed. */
    public record Change(CaseComparison position, Direction direction) {
    }

    /**
     * Reads runs {@code first} and {@code second} from {@code store} and compares them, the older as A.
     *
     * @throws HistoryException when either run is not in the store, or the store cannot be read
     */
    public static RunComparison of(HistoryStore store, String first, String second) {
        Run one = store.run(first).orElseThrow(() -> new HistoryException("no run " + first + " in the history"));
        Run two = store.run(second).orElseThrow(() -> new HistoryException("no run " + second + " in the history"));
        boolean inOrder = !two.startedAt().isBefore(one.startedAt());
        Run a = inOrder ? one : two;
        Run b = inOrder ? two : one;
        return of(a, b, store.cells(a.id()), store.cells(b.id()), store.compare(a.id(), b.id()));
    }

    /** Compares from what the store returned for A and B: their cells and their positions side by side. */
    public static RunComparison of(Run a, Run b, List<CellTally> cellsA, List<CellTally> cellsB,
            List<CaseComparison> positions) {
        Map<String, Tally[]> byCell = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            for (CellTally cell : side == 0 ? cellsA : cellsB) {
                String key = cell.variant() + "\n" + cell.target().label();
                names.putIfAbsent(key, new String[] {cell.variant(), cell.target().label()});
                byCell.computeIfAbsent(key, k -> new Tally[] {Tally.ZERO, Tally.ZERO})[side] = cell.tally();
            }
        }
        List<Cell> cells = new ArrayList<>();
        byCell.forEach((key, tallies) -> cells.add(new Cell(names.get(key)[0], names.get(key)[1], tallies[0],
                tallies[1])));
        List<Change> changes = positions.stream().filter(CaseComparison::changed)
                .map(p -> new Change(p, direction(p.inA(), p.inB()))).toList();
        return new RunComparison(a, b, cells, changes);
    }

    static Direction direction(@Nullable Verdict inA, @Nullable Verdict inB) {
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

    /** Positions that went from not correct to correct. */
    public long fixed() {
        return changes.stream().filter(c -> c.direction() == Direction.FIXED).count();
    }

    /** Positions that went from correct to not correct. */
    public long broke() {
        return changes.stream().filter(c -> c.direction() == Direction.BROKE).count();
    }

    /** B's overall accuracy minus A's, or null when either graded nothing. */
    public @Nullable Double delta() {
        return delta(a.tally(), b.tally());
    }

    /** Whether the 95% intervals of the two runs' overall accuracies overlap. */
    public boolean intervalsOverlap() {
        return overlap(a.tally(), b.tally());
    }

    /**
     * One sentence on which run did better, e.g. "B is better: 75.0% vs 50.0% (+25.0 points); 3 fixed, 1 broke.
     * The 95% intervals overlap: the difference may be chance."
     */
    public String verdict() {
        Double delta = delta();
        String counts = fixed() + " fixed, " + broke() + " broke.";
        if (delta == null) {
            return "Nothing graded in " + (a.tally().accuracy() == null ? "A" : "B") + " to compare; " + counts;
        }
        if (same(delta)) {
            return String.format(Locale.ROOT, "A and B score the same: %s; %s", percent(a.tally().accuracy()),
                    counts);
        }
        String sentence = String.format(Locale.ROOT, "%s: %s vs %s (%s); %s", delta > 0 ? "B is better"
                : "A is better", percent(a.tally().accuracy()), percent(b.tally().accuracy()), points(delta), counts);
        return sentence + (intervalsOverlap() ? " The 95% intervals overlap: the difference may be chance."
                : " The 95% intervals do not overlap.");
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

    private static boolean overlap(Tally a, Tally b) {
        WilsonInterval inA = interval(a);
        WilsonInterval inB = interval(b);
        return inA.low() <= inB.high() && inB.low() <= inA.high();
    }

    /** The 95% interval of a tally's accuracy; [0, 1] when nothing was graded. */
    public static WilsonInterval interval(Tally tally) {
        return WilsonInterval.of(tally.correct(), tally.graded());
    }
}
