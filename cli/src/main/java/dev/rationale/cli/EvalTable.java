// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.LikelihoodCell;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.TargetPrices;
import dev.rationale.core.eval.VariantComparison;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.eval.paired.PairedBootstrap;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.grading.ScoreSummary;
import dev.rationale.core.grading.ScoreText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The summary table of {@code rationale eval}: one row per variant and model, columns padded to fit. With
 * multiple-choice cases, the likelihood accuracy (raw and per token) with its interval follows the generation
 * accuracy; the cost column is computed from the reported usage at the price table's prices, and a line under the
 * table gives the run's total after the notes, which say which models could not score and why scoring failed.
 * Then each other variant against the first, the baseline, paired case by case as {@code --json}'s
 * {@code comparisons} are.
 */
final class EvalTable {
    private static final List<String> HEADER = List.of("variant", "model", "accuracy", "95% interval", "correct",
            "wrong", "failed", "cost");
    /** The likelihood columns follow the generation accuracy and its interval. */
    private static final int LIKELIHOOD_AT = 4;
    private static final List<String> LIKELIHOOD_HEADER = List.of("likelihood", "95% interval", "per token",
            "95% interval");

    private EvalTable() {
    }

    static void print(EvalPlan plan, EvalSummary report, LikelihoodReport likelihood, TargetPrices prices,
            PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(HEADER);
        if (!likelihood.isEmpty()) {
            header.addAll(LIKELIHOOD_AT, LIKELIHOOD_HEADER);
        }
        // Only with several samples per case: with one, pass@1 = maj@1 = cons@1 = the accuracy already shown.
        boolean bySamples = report.cells().stream().anyMatch(cell -> cell.atK().size() > 1);
        if (bySamples) {
            header.add("by samples");
        }
        boolean scored = report.cells().stream().anyMatch(cell -> cell.scores() != null);
        if (scored) {
            header.add("score");
        }
        rows.add(header);
        for (CellMetrics cell : report.cells()) {
            List<String> row = new ArrayList<>(List.of(cell.variant(), model(plan, cell.target()),
                    percentOrDash(cell.accuracy()), interval(cell.accuracy(), cell.interval()),
                    String.valueOf(cell.correct()), String.valueOf(cell.wrong()), String.valueOf(cell.failed()),
                    prices.costText(cell)));
            LikelihoodCell scores = likelihood.cell(cell.variant(), cell.target());
            if (scores != null) {
                row.addAll(LIKELIHOOD_AT, scores.notScorable() != null ? List.of("not scorable", "-", "-", "-")
                        : List.of(percentOrDash(scores.accuracy()), interval(scores.accuracy(), scores.interval()),
                                percentOrDash(scores.perTokenAccuracy()),
                                interval(scores.perTokenAccuracy(), scores.perTokenInterval())));
            }
            if (bySamples) {
                row.add(AtKText.of(cell.atK()));
            }
            ScoreSummary cellScores = cell.scores();
            if (scored) {
                row.add(cellScores == null ? "-" : ScoreText.cell(cellScores, plan.task().effectiveAnswer()));
            }
            rows.add(row);
        }
        printRows(rows, out);
        // The notes explain the table's likelihood columns, so they come first; then what the run cost.
        notes(plan, likelihood).forEach(out::println);
        out.println(prices.totalText(report.cells()));
        comparisons(plan, report).forEach(out::println);
    }

    /**
     * The paired comparisons of {@code --json} in words, after the table: a heading naming the baseline (the first
     * variant), then one line per other variant and model; nothing with a single variant.
     */
    static List<String> comparisons(EvalPlan plan, EvalSummary report) {
        String baseline = String.valueOf(plan.variants().getFirst().id());
        List<VariantComparison> comparisons = VariantComparison.against(report, baseline);
        if (comparisons.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("against " + baseline + " on the cases both graded (points, 95% interval; b/c: right only in "
                + baseline + " / only in the variant; McNemar's exact p)");
        for (VariantComparison comparison : comparisons) {
            lines.add("  " + comparison.variant() + " on " + model(plan, comparison.target()) + ": "
                    + comparisonText(comparison.paired()));
        }
        return lines;
    }

    // e.g. "+20.0 [+0.0, +40.0], b/c 0/2, p = 0.500, not significant"
    static String comparisonText(PairedComparison paired) {
        Double difference = paired.difference();
        if (difference == null) {
            return "no case graded on both sides";
        }
        PairedBootstrap.Interval interval = paired.interval();
        String range = interval == null ? "" : " [" + PairedComparison.points(interval.low()) + ", "
                + PairedComparison.points(interval.high()) + "]";
        return PairedComparison.points(difference) + range + ", b/c " + paired.onlyA() + "/" + paired.onlyB()
                + ", p " + PairedComparison.pText(paired.test().p()) + ", "
                + (paired.significant() ? "significant" : "not significant");
    }

    // Why a likelihood column is empty: once per model that cannot score, once per cell with failures.
    private static List<String> notes(EvalPlan plan, LikelihoodReport likelihood) {
        Set<String> notes = new LinkedHashSet<>();
        for (LikelihoodCell cell : likelihood.cells()) {
            if (cell.notScorable() != null) {
                notes.add("likelihood: not scorable on " + model(plan, cell.target()) + ": " + cell.notScorable());
            } else if (cell.failed() > 0) {
                notes.add("likelihood: " + cell.failed() + " of " + cell.cases() + " cases of " + cell.variant()
                        + " on " + model(plan, cell.target()) + " could not be scored: " + cell.failure());
            }
        }
        return List.copyOf(notes);
    }

    private static void printRows(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String model(EvalPlan plan, String targetId) {
        return plan.targets().stream().filter(t -> t.id().equals(targetId)).map(EvalTarget::model).findFirst()
                .orElse(targetId);
    }

    private static String percentOrDash(@Nullable Double share) {
        return share == null ? "-" : percent(share);
    }

    private static String interval(@Nullable Double share, WilsonInterval interval) {
        return share == null ? "-" : "[" + percent(interval.low()) + ", " + percent(interval.high()) + "]";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
