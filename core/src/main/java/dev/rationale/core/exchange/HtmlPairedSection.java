// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import static dev.rationale.core.exchange.HtmlText.escape;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.paired.PairedBootstrap;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.eval.paired.SampleVerdicts;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.StoredCompletion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The HTML report's paired comparison: on each model, every variant against the run's first (the baseline) on the
 * cases both graded, with McNemar's exact test and the bootstrap interval of the difference. A case with several
 * samples counts as correct when most of its graded samples are ({@link SampleVerdicts}), the same rule as
 * {@code history compare}. Left out when the run has a single variant.
 */
final class HtmlPairedSection {
    private HtmlPairedSection() {
    }

    static void append(List<String> variants, List<RunTarget> targets, List<StoredCompletion> completions,
            StringBuilder html) {
        if (variants.size() < 2) {
            return;
        }
        // variant -> target -> case -> the verdicts of its samples
        Map<String, Map<RunTarget, Map<String, List<Verdict>>>> verdicts = new LinkedHashMap<>();
        for (StoredCompletion c : completions) {
            RunCompletionKey key = c.record().key();
            verdicts.computeIfAbsent(key.variant(), v -> new LinkedHashMap<>())
                    .computeIfAbsent(key.target(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(key.caseId(), k -> new ArrayList<>()).add(c.record().grade());
        }
        String baseline = variants.getFirst();
        html.append("<h2>Against ").append(escape(baseline)).append("</h2>\n<table class=\"paired\">\n<tr><th>Variant"
                + "</th><th>Model</th><th>Pairs</th><th>Only baseline right</th><th>Only variant right</th>"
                + "<th>Difference [95%]</th><th>McNemar p</th></tr>\n");
        for (RunTarget target : targets) {
            for (String variant : variants.subList(1, variants.size())) {
                PairedComparison paired = PairedComparison.of(cases(verdicts, baseline, target),
                        cases(verdicts, variant, target));
                row(variant, target, paired, html);
            }
        }
        html.append("</table>\n<p class=\"label\">Cases graded for both the baseline and the variant, paired; a case"
                + " with several samples is right when most of its graded samples are. Difference: the variant's"
                + " accuracy minus the baseline's in points, with a paired bootstrap 95% interval ("
                + PairedBootstrap.RESAMPLES + " resamples, fixed seed). Bold: p &lt; 0.05.</p>\n");
    }

    private static void row(String variant, RunTarget target, PairedComparison paired, StringBuilder html) {
        PairedBootstrap.Interval interval = paired.interval();
        Double difference = paired.difference();
        String left = paired.onlyInA() + paired.onlyInB() == 0 ? ""
                : " (" + (paired.onlyInA() + paired.onlyInB()) + " left out)";
        html.append("<tr").append(paired.significant() ? " class=\"significant\"" : "").append("><td>")
                .append(escape(variant)).append("</td><td>").append(escape(target.label())).append("</td><td>")
                .append(paired.pairs()).append(escape(left)).append("</td><td>").append(paired.onlyA())
                .append("</td><td>").append(paired.onlyB()).append("</td><td>")
                .append(escape(difference == null ? "–" : points(difference) + (interval == null ? ""
                        : " [" + points(interval.low()) + ", " + points(interval.high()) + "]")))
                .append("</td><td>").append(escape(paired.pairs() == 0 ? "–"
                        : String.format(Locale.ROOT, "%.3f", paired.test().p())))
                .append("</td></tr>\n");
    }

    private static String points(double difference) {
        return String.format(Locale.ROOT, "%+.1f", 100 * difference);
    }

    private static Map<String, Boolean> cases(Map<String, Map<RunTarget, Map<String, List<Verdict>>>> verdicts,
            String variant, RunTarget target) {
        Map<String, Boolean> cases = new LinkedHashMap<>();
        verdicts.getOrDefault(variant, Map.of()).getOrDefault(target, Map.of()).forEach((caseId, samples) -> {
            @Nullable Boolean correct = SampleVerdicts.correct(samples);
            if (correct != null) {
                cases.put(caseId, correct);
            }
        });
        return cases;
    }
}
