// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation's figures without its cases: per variant and target the {@link CellMetrics} and the
 * {@link CellVerdicts} that pair variants, as a {@link ReportTally} sums them up; the same figures as
 * {@link EvalReport} for the same completions, in memory that does not grow with the run.
 *
 * @param cells one per variant and target, targets outer, variants inner
 * @param verdicts in the order of {@code cells}
 * @param completions how many of the plan's completions the results hold, failed ones included
 * @param firstFailure a failed completion, the first counted; null when none failed
 */
public record EvalSummary(List<CellMetrics> cells, List<CellVerdicts> verdicts, int completions,
        @Nullable SampleRecord firstFailure) {

    public EvalSummary {
        cells = List.copyOf(cells);
        verdicts = List.copyOf(verdicts);
    }

    /** Whether there were completions and every one of them failed: nothing was evaluated. */
    public boolean allFailed() {
        return completions > 0 && cells.stream().mapToInt(CellMetrics::failedSamples).sum() == completions;
    }

    /** The verdicts of a variant on a target; null when the plan has no such cell. */
    public @Nullable CellVerdicts verdicts(String variant, String target) {
        return verdicts.stream().filter(v -> v.variant().equals(variant) && v.target().equals(target)).findFirst()
                .orElse(null);
    }
}
