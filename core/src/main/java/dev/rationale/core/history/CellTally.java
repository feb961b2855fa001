// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.cost.ModelPrice;
import dev.rationale.core.cost.TokenTotals;
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
 * @param liveTokens the tokens of the cell's completions sent on their own, as the provider reported them
 * @param batchTokens the tokens of those that came through a provider's batch API
 */
public record CellTally(String variant, RunTarget target, Tally tally, List<AtK> atK, TokenTotals liveTokens,
        TokenTotals batchTokens) {

    public CellTally {
        atK = List.copyOf(atK);
    }

    /** A tally without tokens. */
    public CellTally(String variant, RunTarget target, Tally tally, List<AtK> atK) {
        this(variant, target, tally, atK, TokenTotals.NONE, TokenTotals.NONE);
    }

    /** What the cell cost at {@code price}. */
    public double cost(ModelPrice price) {
        return price.cost(liveTokens, batchTokens);
    }
}
