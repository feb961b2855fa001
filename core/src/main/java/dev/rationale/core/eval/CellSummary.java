// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.AtKScores;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.grading.CellScores;
import java.util.BitSet;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One cell's {@link CellMetrics}, summed up as its completions and case verdicts come: what a figure needs and no
 * more (counts, sums, the calibration bins, a {@link LatencySketch}, pass@k sums, and a bit per case for the paired
 * comparisons). Counts cases after the vote; the history's {@link dev.rationale.core.history.CellTally} counts
 * stored completions, one per sample. Not thread-safe.
 */
final class CellSummary {
    private final String variant;
    private final String target;
    private final int cases;
    private int correct;
    private int wrong;
    private int failed;
    private int ungraded;
    private int records;
    private int answered;
    private long promptTokens;
    private long completionTokens;
    private long thinkingTokens;
    private TokenTotals liveTokens = TokenTotals.NONE;
    private TokenTotals batchTokens = TokenTotals.NONE;
    private final DoubleSummaryStatistics shares = new DoubleSummaryStatistics();
    private final DoubleSummaryStatistics probabilities = new DoubleSummaryStatistics();
    private final DoubleSummaryStatistics thinking = new DoubleSummaryStatistics();
    private final CalibrationBins.Sums calibration = new CalibrationBins.Sums(CalibrationBins.DEFAULT_BINS);
    private final LatencySketch latency = new LatencySketch();
    private final AtKScores.Accumulator atK = new AtKScores.Accumulator();
    private final BitSet graded = new BitSet();
    private final BitSet right = new BitSet();
    private final @Nullable CellScores scores;

    /**
     * @param cases the cases planned for the cell
     * @param format the task's answer format, for the scores of one that scores
     */
    CellSummary(String variant, String target, int cases, AnswerFormat format) {
        this.variant = variant;
        this.target = target;
        this.cases = cases;
        this.scores = CellScores.of(format);
    }

    /** The figures of one cell from all its case verdicts and sample records (in any order). */
    static CellMetrics of(String variant, String target, List<CaseResult> cases, List<SampleRecord> records,
            AnswerFormat format) {
        CellSummary summary = new CellSummary(variant, target, cases.size(), format);
        records.forEach(summary::addRecord);
        Map<CompletionKey.CaseKey, List<SampleRecord>> byCase = records.stream()
                .collect(Collectors.groupingBy(r -> r.key().caseKey()));
        for (int i = 0; i < cases.size(); i++) {
            summary.addCase(i, cases.get(i), byCase.getOrDefault(cases.get(i).key(), List.of()));
        }
        return summary.metrics();
    }

    /** Counts one completion: every record counts for the tokens, answered ones for the means and latency. */
    void addRecord(SampleRecord record) {
        records++;
        promptTokens += orZero(record.promptTokens());
        completionTokens += orZero(record.completionTokens());
        thinkingTokens += orZero(record.thinkingTokens());
        if (record.billedInBatch()) {
            batchTokens = batchTokens.plus(record.billedTokens());
        } else {
            liveTokens = liveTokens.plus(record.billedTokens());
        }
        if (!record.status().answered()) {
            return;
        }
        answered++;
        if (scores != null) {
            scores.add(record.grading(), record.status(), record.answer(), record.expected());
        }
        if (record.answerProbability() != null) {
            probabilities.accept(record.answerProbability());
        }
        if (record.latencyMillis() != null) {
            latency.add(record.latencyMillis());
        }
        if (record.thinkingMillis() != null) {
            thinking.accept(record.thinkingMillis());
        }
    }

    /**
     * Counts one case's verdict.
     *
     * @param caseIndex the case's number in the plan, for the paired comparisons
     * @param samples the case's records, in any order
     */
    void addCase(int caseIndex, CaseResult result, List<SampleRecord> samples) {
        CaseOutcome outcome = result.outcome();
        switch (outcome) {
            case CORRECT -> correct++;
            case WRONG -> wrong++;
            case FAILED -> failed++;
            case UNGRADED -> ungraded++;
            case PENDING -> { }
        }
        boolean decided = outcome == CaseOutcome.CORRECT || outcome == CaseOutcome.WRONG;
        if (decided || outcome == CaseOutcome.UNGRADED) {
            shares.accept(result.voteShare());
        }
        if (!decided) {
            return;
        }
        if (result.confidence() != null) {
            calibration.add(result.confidence(), outcome == CaseOutcome.CORRECT);
        }
        graded.set(caseIndex);
        right.set(caseIndex, outcome == CaseOutcome.CORRECT);
        // Graded cases only: pass@k and the votes need an expected answer; failed samples are no samples.
        atK.add(samples.stream().filter(r -> r.status().answered())
                .sorted(Comparator.comparingInt(SampleRecord::sample))
                .map(r -> new AtKScores.Sample(r.answer() == null ? null : r.normalized(),
                        r.status() == Verdict.CORRECT))
                .toList());
    }

    /** Which cases the cell graded, and which of them it got right, by case number. */
    CellVerdicts verdicts() {
        return new CellVerdicts(variant, target, (BitSet) graded.clone(), (BitSet) right.clone());
    }

    CellMetrics metrics() {
        int decided = correct + wrong;
        return new CellMetrics(variant, target, cases, correct, wrong, failed, ungraded,
                cases - decided - failed - ungraded, records - answered,
                decided == 0 ? null : (double) correct / decided, WilsonInterval.of(correct, decided), mean(shares),
                mean(probabilities), calibration.bins(), latency.stats(), promptTokens, completionTokens,
                thinkingTokens, mean(thinking), atK.scores(), liveTokens, batchTokens,
                scores == null ? null : scores.summary());
    }

    private static @Nullable Double mean(DoubleSummaryStatistics values) {
        return values.getCount() == 0 ? null : values.getAverage();
    }

    private static long orZero(@Nullable Integer n) {
        return n == null ? 0 : n;
    }
}
