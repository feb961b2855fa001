// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.AtK;
import dev.rationale.core.analysis.AtKScores;
import dev.rationale.core.answer.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
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
                completionTokens, thinkingTokens, mean(thinking), atK(cases, records));
    }

    // Graded cases only: pass@k and the votes need an expected answer; failed samples are no samples.
    private static List<AtK> atK(List<CaseResult> cases, List<SampleRecord> records) {
        Map<CompletionKey.CaseKey, List<SampleRecord>> byCase = records.stream()
                .filter(r -> r.status().answered())
                .collect(Collectors.groupingBy(r -> r.key().caseKey()));
        List<List<AtKScores.Sample>> graded = new ArrayList<>();
        for (CaseResult result : cases) {
            if (result.outcome() == CaseOutcome.CORRECT || result.outcome() == CaseOutcome.WRONG) {
                graded.add(byCase.getOrDefault(result.key(), List.of()).stream()
                        .sorted(Comparator.comparingInt(SampleRecord::sample))
                        .map(r -> new AtKScores.Sample(r.answer() == null ? null : r.normalized(),
                                r.status() == Verdict.CORRECT))
                        .toList());
            }
        }
        return AtKScores.of(graded);
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
