// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.eval.paired.PairedComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * One variant against a baseline variant of the same evaluation, on one target: their cases paired
 * ({@link PairedComparison}, baseline as A). A case counts as the grid counts it: its verdict after the vote over
 * its samples ({@link MajorityVote}), correct or wrong; failed, ungraded and pending cases are not graded, so they
 * are left out (and counted) when the other side graded them.
 *
 * @param baseline the baseline variant's id
 * @param variant the compared variant's id
 * @param target the target's id
 */
public record VariantComparison(String baseline, String variant, String target, PairedComparison paired) {

    /**
     * Every other variant of {@code report} against {@code baseline}, per target, in the report's order (targets
     * outer, variants inner); empty when the report has no such variant.
     */
    public static List<VariantComparison> against(EvalReport report, String baseline) {
        return against(report.cells(), baseline, (variant, target) -> PairedComparison.of(
                graded(report, baseline, target), graded(report, variant, target)));
    }

    /** As {@link #against(EvalReport, String)}, for a summary of a run of any size. */
    public static List<VariantComparison> against(EvalSummary summary, String baseline) {
        return against(summary.cells(), baseline, (variant, target) -> Objects.requireNonNull(
                summary.verdicts(baseline, target)).pairedWith(Objects.requireNonNull(
                        summary.verdicts(variant, target))));
    }

    private static List<VariantComparison> against(List<CellMetrics> cells, String baseline,
            BiFunction<String, String, PairedComparison> paired) {
        List<VariantComparison> comparisons = new ArrayList<>();
        for (CellMetrics cell : cells) {
            if (cell.variant().equals(baseline) || cells.stream().noneMatch(
                    c -> c.variant().equals(baseline) && c.target().equals(cell.target()))) {
                continue;
            }
            comparisons.add(new VariantComparison(baseline, cell.variant(), cell.target(),
                    paired.apply(cell.variant(), cell.target())));
        }
        return comparisons;
    }

    // Case id -> whether the vote was right, for the cases the grid grades.
    private static Map<String, Boolean> graded(EvalReport report, String variant, String target) {
        Map<String, Boolean> graded = new LinkedHashMap<>();
        for (CaseResult result : report.cases()) {
            var key = result.key();
            boolean decided = result.outcome() == CaseOutcome.CORRECT || result.outcome() == CaseOutcome.WRONG;
            if (decided && key.variant().equals(variant) && key.target().equals(target)) {
                graded.put(key.testCase(), result.outcome() == CaseOutcome.CORRECT);
            }
        }
        return graded;
    }
}
