// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static dev.rationale.core.exchange.HtmlText.escape;

import dev.rationale.core.eval.paired.PairedBootstrap;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.eval.paired.RunVerdicts;
import dev.rationale.core.history.RunTarget;
import java.util.List;
import java.util.Locale;

/**
 * The HTML report's paired comparison: on each model, every variant against the run's first (the baseline) on the
 * cases both graded, with McNemar's exact test and the bootstrap interval of the difference. A case with several
 * samples counts as correct when most of its graded samples are ({@link RunVerdicts}), the same rule as
 * {@code history compare}. Left out when the run has a single variant.
 */
final class HtmlPairedSection {
    private HtmlPairedSection() {
    }

    static void append(List<String> variants, List<RunTarget> targets, RunVerdicts verdicts, StringBuilder html) {
        if (variants.size() < 2) {
            return;
        }
        String baseline = variants.getFirst();
        html.append("<h2>Against ").append(escape(baseline)).append("</h2>\n<table class=\"paired\">\n<tr><th>Variant"
                + "</th><th>Model</th><th>Pairs</th><th>Only baseline right</th><th>Only variant right</th>"
                + "<th>Difference [95%]</th><th>McNemar p</th></tr>\n");
        // Targets in grid order; a model the baseline never ran on has nothing to pair.
        List<RunVerdicts.Row> rows = verdicts.against(baseline, variants);
        for (RunTarget target : targets) {
            rows.stream().filter(r -> r.target().equals(target.label())).forEach(r -> row(r, html));
        }
        html.append("</table>\n<p class=\"label\">Cases graded for both the baseline and the variant, paired; a case"
                + " with several samples is right when most of its graded samples are. Difference: the variant's"
                + " accuracy minus the baseline's in points, with a paired bootstrap 95% interval ("
                + String.format(Locale.ROOT, "%,d", PairedBootstrap.RESAMPLES) + " resamples, fixed seed). Bold:"
                + " p &lt; 0.05.</p>\n");
    }

    private static void row(RunVerdicts.Row row, StringBuilder html) {
        PairedComparison paired = row.paired();
        PairedBootstrap.Interval interval = paired.interval();
        Double difference = paired.difference();
        String left = paired.onlyInA() + paired.onlyInB() == 0 ? ""
                : " (" + (paired.onlyInA() + paired.onlyInB()) + " left out)";
        html.append("<tr").append(paired.significant() ? " class=\"significant\"" : "").append("><td>")
                .append(escape(row.variant())).append("</td><td>").append(escape(row.target())).append("</td><td>")
                .append(paired.pairs()).append(escape(left)).append("</td><td>").append(paired.onlyA())
                .append("</td><td>").append(paired.onlyB()).append("</td><td>")
                .append(escape(difference == null ? "–" : PairedComparison.points(difference)
                        + (interval == null ? "" : " [" + PairedComparison.points(interval.low()) + ", "
                        + PairedComparison.points(interval.high()) + "]")))
                .append("</td><td>").append(escape(paired.pairs() == 0 ? "–"
                        : String.format(Locale.ROOT, "%.3f", paired.test().p())))
                .append("</td></tr>\n");
    }
}
