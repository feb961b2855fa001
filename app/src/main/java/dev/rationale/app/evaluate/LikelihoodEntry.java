// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.LikelihoodCell;
import dev.rationale.core.eval.WilsonInterval;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the grid's likelihood columns show for one row: the accuracy of the most likely option with its 95%
 * interval, raw and per token, and a tooltip that says what was counted, or why there is nothing to show ("–").
 *
 * @param raw e.g. {@code 50.0% [18.8%, 81.2%]}, or {@link #NOTHING}
 * @param perToken the same for the option most likely per token
 * @param tooltip the counts, failures, or why the model cannot score
 */
public record LikelihoodEntry(String raw, String perToken, String tooltip) {

    /** Shown where there is no figure. */
    public static final String NOTHING = "–";

    /** The entry for a cell of the likelihood report; a blank one for a row without multiple-choice cases. */
    public static LikelihoodEntry of(@Nullable LikelihoodCell cell) {
        if (cell == null) {
            return new LikelihoodEntry("", "", "");
        }
        if (cell.notScorable() != null) {
            return new LikelihoodEntry(NOTHING, NOTHING, "Not scorable: " + cell.notScorable() + ".");
        }
        StringBuilder tooltip = new StringBuilder();
        if (cell.scored() == 0) {
            tooltip.append("No case was scored.");
        } else {
            tooltip.append(String.format(Locale.ROOT, "Most likely option accepted in %d of %d scored cases;"
                    + " per token in %d.", cell.correct(), cell.scored(), cell.perTokenCorrect()));
        }
        if (cell.failed() > 0) {
            tooltip.append(String.format(Locale.ROOT, "\n%d could not be scored: %s", cell.failed(), cell.failure()));
        }
        if (cell.pending() > 0) {
            tooltip.append(String.format(Locale.ROOT, "\n%d not scored yet (the evaluation was stopped).",
                    cell.pending()));
        }
        return new LikelihoodEntry(figure(cell.accuracy(), cell.interval()),
                figure(cell.perTokenAccuracy(), cell.perTokenInterval()), tooltip.toString());
    }

    /** A fraction as a percentage with one decimal, e.g. {@code 62.5%}; {@link #NOTHING} for none. */
    public static String percent(@Nullable Double value) {
        return value == null ? NOTHING : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }

    private static String figure(@Nullable Double accuracy, WilsonInterval interval) {
        return accuracy == null ? NOTHING
                : percent(accuracy) + " [" + percent(interval.low()) + ", " + percent(interval.high()) + "]";
    }
}
