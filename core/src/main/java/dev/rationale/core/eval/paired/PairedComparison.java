// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Two sides (two variants of one evaluation, or one cell in two runs) compared on the cases both graded: how many
 * each got right, the {@link McNemar} test on the cases where they disagree and the {@link PairedBootstrap}
 * interval of the difference. Side A is the baseline; differences are B minus A, so a positive one means B did
 * better.
 *
 * <p>Pairing is by case key. A case graded on one side only (the other failed, was ungraded or never ran) says
 * nothing about the difference, so it is left out of both the test and the accuracies here, and counted in
 * {@link #onlyInA} and {@link #onlyInB} so that a reader sees how much was left out.
 *
 * @param pairs cases graded on both sides
 * @param bothRight pairs both got right
 * @param onlyA pairs only A got right (McNemar's b)
 * @param onlyB pairs only B got right (McNemar's c)
 * @param onlyInA cases graded by A only, left out
 * @param onlyInB cases graded by B only, left out
 * @param interval the 95% bootstrap interval of B's accuracy minus A's; null with no pairs
 */
public record PairedComparison(int pairs, int bothRight, int onlyA, int onlyB, int onlyInA, int onlyInB,
        McNemar test, PairedBootstrap.@Nullable Interval interval) {

    /** Which side did better on the pairs. */
    public enum Better {
        A, B, NEITHER
    }

    /**
     * Pairs {@code a} and {@code b}, each a map from case key to whether that side got the case right (cases not
     * graded are absent), and compares them. Keys are matched with {@code equals}.
     */
    public static <K> PairedComparison of(Map<K, Boolean> a, Map<K, Boolean> b) {
        int both = 0;
        int onlyA = 0;
        int onlyB = 0;
        int neither = 0;
        int onlyInA = 0;
        for (Map.Entry<K, Boolean> entry : a.entrySet()) {
            Boolean other = b.get(entry.getKey());
            if (other == null) {
                onlyInA++;
                continue;
            }
            boolean right = entry.getValue();
            both += right && other ? 1 : 0;
            onlyA += right && !other ? 1 : 0;
            onlyB += !right && other ? 1 : 0;
            neither += !right && !other ? 1 : 0;
        }
        int onlyInB = (int) b.keySet().stream().filter(key -> !a.containsKey(key)).count();
        return of(both, onlyA, onlyB, neither, onlyInA, onlyInB);
    }

    /**
     * The comparison from its counts, for callers that pair cases themselves: the pairs both got right, only A,
     * only B, neither; the cases graded by one side only.
     */
    public static PairedComparison of(int bothRight, int onlyA, int onlyB, int neither, int onlyInA, int onlyInB) {
        // The bootstrap depends on how many differences of each kind there are, not on their order.
        int[] differences = new int[bothRight + onlyA + onlyB + neither];
        Arrays.fill(differences, 0, onlyA, -1);
        Arrays.fill(differences, onlyA, onlyA + onlyB, 1);
        return new PairedComparison(differences.length, bothRight, onlyA, onlyB, onlyInA, onlyInB,
                McNemar.of(onlyA, onlyB), PairedBootstrap.interval(differences));
    }

    /**
     * The comparison from counts of cases alone, as {@link #of} would find them: {@code bothRight}, {@code onlyA},
     * {@code onlyB} and {@code neither} right of the cases both sides graded, and how many only one side graded.
     * What a comparison that walks a run a case at a time keeps.
     */
    public static PairedComparison ofCounts(int bothRight, int onlyA, int onlyB, int neither, int onlyInA,
            int onlyInB) {
        int pairs = bothRight + onlyA + onlyB + neither;
        return new PairedComparison(pairs, bothRight, onlyA, onlyB, onlyInA, onlyInB, McNemar.of(onlyA, onlyB),
                PairedBootstrap.interval(pairs, onlyB, onlyA));
    }

    /**
     * Compares two sides over numbered cases: case i is graded on a side when its {@code graded} bit is set, and
     * right there when its {@code correct} bit is also set. The same as {@link #of(Map, Map)} over maps from those
     * numbers, with a few bits per case instead of a map entry.
     */
    public static PairedComparison of(BitSet gradedA, BitSet correctA, BitSet gradedB, BitSet correctB) {
        BitSet pairs = (BitSet) gradedA.clone();
        pairs.and(gradedB);
        BitSet rightA = (BitSet) correctA.clone();
        rightA.and(pairs);
        BitSet rightB = (BitSet) correctB.clone();
        rightB.and(pairs);
        BitSet both = (BitSet) rightA.clone();
        both.and(rightB);
        int bothRight = both.cardinality();
        int onlyA = rightA.cardinality() - bothRight;
        int onlyB = rightB.cardinality() - bothRight;
        int paired = pairs.cardinality();
        return new PairedComparison(paired, bothRight, onlyA, onlyB, gradedA.cardinality() - paired,
                gradedB.cardinality() - paired, McNemar.of(onlyA, onlyB),
                PairedBootstrap.interval(paired, onlyB, onlyA));
    }

    /** A's accuracy on the pairs, or null with none. */
    public @Nullable Double accuracyA() {
        return pairs == 0 ? null : (double) (bothRight + onlyA) / pairs;
    }

    /** B's accuracy on the pairs, or null with none. */
    public @Nullable Double accuracyB() {
        return pairs == 0 ? null : (double) (bothRight + onlyB) / pairs;
    }

    /** B's accuracy minus A's on the pairs, or null with none. */
    public @Nullable Double difference() {
        return pairs == 0 ? null : (double) (onlyB - onlyA) / pairs;
    }

    /** Which side got more pairs right. */
    public Better better() {
        return onlyB > onlyA ? Better.B : onlyA > onlyB ? Better.A : Better.NEITHER;
    }

    /** Whether the difference is significant: McNemar's {@code p < 0.05}. */
    public boolean significant() {
        return test.significant();
    }

    /**
     * One sentence for people, e.g. "B is better: 70.0% vs 62.5% on 40 paired cases (+7.5 points, 95% interval
     * -2.5 to +17.5); only B right on 5, only A on 2; McNemar p = 0.453: not significant."
     *
     * @param nameA what to call side A, e.g. "A" or a variant's label; likewise {@code nameB}
     */
    public String sentence(String nameA, String nameB) {
        String left = onlyInA + onlyInB == 0 ? "" : String.format(Locale.ROOT,
                " %d case%s graded on one side only left out.", onlyInA + onlyInB,
                onlyInA + onlyInB == 1 ? "" : "s");
        if (pairs == 0) {
            return "No case graded on both sides: nothing to compare." + left;
        }
        String paired = pairs + " paired case" + (pairs == 1 ? "" : "s");
        if (onlyA + onlyB == 0) {
            return String.format(Locale.ROOT, "%s and %s score the same on %s (%s): they agree on every one.%s",
                    nameA, nameB, paired, percent(accuracyA()), left);
        }
        String counts = String.format(Locale.ROOT, "only %s right on %d, only %s on %d; McNemar p %s", nameB, onlyB,
                nameA, onlyA, pText(test.p()));
        if (better() == Better.NEITHER) {
            return String.format(Locale.ROOT, "%s and %s score the same on %s (%s); %s.%s", nameA, nameB, paired,
                    percent(accuracyA()), counts, left);
        }
        String winner = better() == Better.B ? nameB : nameA;
        PairedBootstrap.Interval range = interval;
        return String.format(Locale.ROOT, "%s is better: %s vs %s on %s (%s points, 95%% interval"
                + " %s); %s: %s.%s", winner, percent(better() == Better.B ? accuracyB() : accuracyA()),
                percent(better() == Better.B ? accuracyA() : accuracyB()), paired, points(difference()),
                range == null ? "–" : points(range.low()) + " to " + points(range.high()), counts,
                significant() ? "significant at 0.05" : "not significant", left);
    }

    /** A p-value as shown, e.g. {@code = 0.062}, {@code < 0.001}. */
    public static String pText(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "= %.3f", p);
    }

    /**
     * A difference in percentage points as shown: signed, one decimal, e.g. {@code +7.5}, {@code -100.0}; plain
     * {@code 0.0} for none.
     */
    public static String points(double difference) {
        return Math.abs(difference) < 0.0005 ? "0.0" : String.format(Locale.ROOT, "%+.1f", 100 * difference);
    }

    private static String percent(@Nullable Double accuracy) {
        return accuracy == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * accuracy);
    }
}
