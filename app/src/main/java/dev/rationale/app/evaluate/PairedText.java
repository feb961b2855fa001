// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.paired.PairedBootstrap;
import dev.rationale.core.eval.paired.PairedComparison;
import java.util.Locale;

/**
 * A paired comparison as a table cell shows it: e.g. {@code +12.5 [-2.5, +27.5] · 1/4 · p 0.375} (the difference in
 * points with its bootstrap interval, the cases only the baseline / only this one got right, McNemar's p), a mark
 * when the difference is significant, and the whole sentence for the tooltip. For Evaluate's grid and History's
 * comparison of two runs.
 *
 * @param mark whether to mark the cell: a significant gain or loss; {@link Mark#NONE} otherwise
 */
public record PairedText(String text, String tooltip, Mark mark) {

    /** Nothing to compare. */
    public static final PairedText NONE = new PairedText("–", "", Mark.NONE);

    /** The row the others are compared with. */
    public static final PairedText BASELINE = new PairedText("baseline", "The variant the others are compared with",
            Mark.NONE);

    /** How a cell is marked. */
    public enum Mark {
        NONE, BETTER, WORSE
    }

    /**
     * The text of {@code paired}, side A being {@code nameA}.
     *
     * @param nameA what to call side A in the tooltip; likewise {@code nameB}
     */
    public static PairedText of(PairedComparison paired, String nameA, String nameB) {
        String tooltip = paired.sentence(nameA, nameB) + "\nOnly " + nameA + " right / only " + nameB + " right: "
                + paired.onlyA() + " / " + paired.onlyB() + ". 95% interval: paired bootstrap, "
                + String.format(Locale.ROOT, "%,d", PairedBootstrap.RESAMPLES) + " resamples of the cases. * marks"
                + " p < 0.05 (exact McNemar test).";
        if (paired.pairs() == 0) {
            return new PairedText("no pairs", tooltip, Mark.NONE);
        }
        PairedBootstrap.Interval interval = paired.interval();
        String range = interval == null ? "" : " [" + PairedComparison.points(interval.low()) + ", "
                + PairedComparison.points(interval.high()) + "]";
        double p = paired.test().p();
        String text = String.format(Locale.ROOT, "%s%s · %d/%d · p %s%s",
                PairedComparison.points(paired.difference()), range, paired.onlyA(), paired.onlyB(),
                p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p), paired.significant() ? " *" : "");
        Mark mark = !paired.significant() ? Mark.NONE
                : paired.better() == PairedComparison.Better.B ? Mark.BETTER : Mark.WORSE;
        return new PairedText(text, tooltip, mark);
    }

    /**
     * Like {@link #of}, shorter for a narrow column: the difference and p only, e.g. {@code +12.5 · p 0.375}; the
     * interval and the counts move to the tooltip, above the sentence.
     */
    public static PairedText brief(PairedComparison paired, String nameA, String nameB) {
        PairedText full = of(paired, nameA, nameB);
        if (paired.pairs() == 0) {
            return full;
        }
        double p = paired.test().p();
        String text = String.format(Locale.ROOT, "%s · p %s%s", PairedComparison.points(paired.difference()),
                p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p), paired.significant() ? " *" : "");
        return new PairedText(text, full.text() + "\n" + full.tooltip(), full.mark());
    }
}
