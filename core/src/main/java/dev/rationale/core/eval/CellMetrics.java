// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.AtK;
import dev.rationale.core.cost.ModelPrice;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.grading.ScoreSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The figures for one variant on one target, over its cases.
 *
 * @param cases the cases planned
 * @param failed cases whose every sample failed; they are left out of the accuracy, not counted as wrong
 * @param pending cases not finished (a cancelled run)
 * @param accuracy {@code correct / (correct + wrong)}; null when no case was graded
 * @param interval the 95% Wilson interval of the accuracy; [0, 1] when no case was graded
 * @param meanVoteShare the mean majority share over decided cases, 0..1 (1 with one sample each); null when none
 * @param meanAnswerProbability the mean over answered samples of their answer's mean token probability; null when
 *     no sample was scored
 * @param latency over answered requests' samples
 * @param promptTokens summed over every request the results record, failed ones included (they cost too)
 * @param thinkingTokens the share of {@code completionTokens} spent thinking, where backends count it
 * @param meanThinkingMillis the mean thinking time over answered samples that thought apart from the answer; null
 *     when none did
 * @param atK pass@k, maj@k and cons@k over the graded cases ({@link AtKScores}); empty when none was graded
 * @param liveTokens the tokens of requests sent on their own, split as prices are, for the cell's cost
 * @param batchTokens the tokens of completions that came through a provider's batch API (billed lower)
 * @param scores the scores of a task whose answer format scores (chrF, a judge, tests); null otherwise
 */
public record CellMetrics(String variant, String target, int cases, int correct, int wrong, int failed,
        int ungraded, int pending, int failedSamples, @Nullable Double accuracy, WilsonInterval interval,
        @Nullable Double meanVoteShare, @Nullable Double meanAnswerProbability, CalibrationBins calibration,
        LatencyStats latency, long promptTokens, long completionTokens, long thinkingTokens,
        @Nullable Double meanThinkingMillis, List<AtK> atK, TokenTotals liveTokens, TokenTotals batchTokens,
        @Nullable ScoreSummary scores) {

    public CellMetrics {
        atK = List.copyOf(atK);
    }

    /** What the cell cost at {@code price}. */
    public double cost(ModelPrice price) {
        return price.cost(liveTokens, batchTokens);
    }
}
