// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.analysis.AtK;
import java.util.List;

/**
 * A run's stored completions for one variant on one target, counted by verdict: every sample counts once, as the
 * history keeps it. Not the evaluation's {@code CellMetrics} (built by {@code eval.CellSummary}), which counts
 * cases after the vote over their samples and adds intervals, calibration and latency; a cell's tally and its
 * metrics differ whenever a case has more than one sample.
 *
 * @param atK pass@k, maj@k and cons@k over the cell's graded cases, from the stored verdicts and answers (see
 *     {@code RunReports}); empty when no case was graded
 */
public record CellTally(String variant, RunTarget target, Tally tally, List<AtK> atK) {

    public CellTally {
        atK = List.copyOf(atK);
    }
}
