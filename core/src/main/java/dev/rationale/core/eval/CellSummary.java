// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Computes one cell's {@link CellMetrics} from its case verdicts and sample records. Counts cases after the vote;
 * the history's {@link dev.rationale.core.history.CellTally} counts stored completions, one per sample.
 */
final class CellSummary {
    private CellSummary() {
    }

    static CellMetrics of(String variant, String target, List<CaseResult> cases, List<SampleRecord> records) {
        int correct = count(cases, CaseOutcome.CORRECT);
        int wrong = count(cases, CaseOutcome.WRONG);
        int graded = correct + wrong;
        List<CalibrationBins.Point> points = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (CaseResult result : cases) {
            boolean decided = result.outcome() == CaseOutcome.CORRECT || result.outcome() == CaseOutcome.WRONG;
            if (decided || result.outcome() == CaseOutcome.UNGRADED) {
                shares.add(result.voteShare());
            }
            if (decided && result.confidence() != null) {
                points.add(new CalibrationBins.Point(result.confidence(), result.outcome() == CaseOutcome.CORRECT));
            }
        }
        List<SampleRecord> answered = records.stream().filter(r -> r.status().answered()).toList();
        List<Double> probabilities = answered.stream().map(SampleRecord::answerProbability)
                .filter(Objects::nonNull).toList();
        List<Double> latencies = answered.stream().map(SampleRecord::latencyMillis).filter(Objects::nonNull).toList();
        long promptTokens = records.stream().mapToLong(r -> orZero(r.promptTokens())).sum();
        long completionTokens = records.stream().mapToLong(r -> orZero(r.completionTokens())).sum();
        long thinkingTokens = records.stream().mapToLong(r -> orZero(r.thinkingTokens())).sum();
        List<Double> thinking = answered.stream().map(SampleRecord::thinkingMillis).filter(Objects::nonNull)
                .toList();
        return new CellMetrics(variant, target, cases.size(), correct, wrong, count(cases, CaseOutcome.FAILED),
                count(cases, CaseOutcome.UNGRADED), count(cases, CaseOutcome.PENDING),
                records.size() - answered.size(), graded == 0 ? null : (double) correct / graded,
                WilsonInterval.of(correct, graded), mean(shares), mean(probabilities),
                CalibrationBins.of(points, CalibrationBins.DEFAULT_BINS), LatencyStats.of(latencies), promptTokens,
                completionTokens, thinkingTokens, mean(thinking));
    }

    private static int count(List<CaseResult> cases, CaseOutcome outcome) {
        return (int) cases.stream().filter(r -> r.outcome() == outcome).count();
    }

    private static @Nullable Double mean(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static long orZero(@Nullable Integer n) {
        return n == null ? 0 : n;
    }
}
