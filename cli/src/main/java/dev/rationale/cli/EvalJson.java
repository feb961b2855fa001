// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalSummary;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.LikelihoodCell;
import dev.rationale.core.eval.LikelihoodReport;
import dev.rationale.core.eval.TargetPrices;
import dev.rationale.core.eval.VariantComparison;
import dev.rationale.core.eval.WilsonInterval;
import dev.rationale.core.grading.ScoreSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The object {@code rationale eval --json} prints: the task, the results file, whether the run was cancelled, and
 * per variant and model its counts, accuracy with the 95% interval, agreement, answer probability, latency,
 * tokens, cost (dollars from the reported usage at the price table's prices; null without a price) and
 * calibration bins, and the run's {@code cost} in all; with multiple-choice cases also {@code likelihood}: the
 * accuracy of the most likely option, raw and per token, with intervals and counts, or {@code notScorable} with
 * the reason. With more than one variant, {@code comparisons}: on each model, every other variant against the
 * first, the {@code baseline}, paired case by case ({@link PairedJson}; A is the baseline).
 */
final class EvalJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EvalJson() {
    }

    private static List<Map<String, Object>> batches(List<BatchRecord> records) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BatchRecord b : records) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", b.batch());
            json.put("api", b.api());
            json.put("target", b.target());
            json.put("state", b.state());
            json.put("providerState", b.providerState());
            json.put("requests", b.requests());
            json.put("finished", b.finished());
            json.put("failed", b.failed());
            json.put("imported", b.imported());
            list.add(json);
        }
        return list;
    }

    /** @param batches a batch run's provider batches as its results file has them; empty for a direct run */
    static String of(EvalPlan plan, EvalSummary report, LikelihoodReport likelihood, Path results,
            EvalOutcome outcome, TargetPrices prices, List<BatchRecord> batches) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("task", plan.taskId());
        root.put("results", results.toString());
        root.put("completions", plan.totalCompletions());
        root.put("cancelled", outcome.cancelled());
        List<Map<String, Object>> cells = new ArrayList<>();
        for (CellMetrics cell : report.cells()) {
            Map<String, Object> json = cell(plan, cell);
            json.put("cachedTokens", cell.liveTokens().cached() + cell.batchTokens().cached());
            json.put("cost", prices.cost(cell));
            LikelihoodCell scores = likelihood.cell(cell.variant(), cell.target());
            if (scores != null) {
                json.put("likelihood", likelihood(scores));
            }
            cells.add(json);
        }
        root.put("cells", cells);
        root.put("cost", cost(report, prices));
        if (!batches.isEmpty()) {
            root.put("batches", batches(batches));
        }
        String baseline = String.valueOf(plan.variants().getFirst().id());
        root.put("baseline", baseline);
        List<Map<String, Object>> comparisons = new ArrayList<>();
        for (VariantComparison comparison : VariantComparison.against(report, baseline)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("baseline", comparison.baseline());
            json.put("variant", comparison.variant());
            json.put("target", comparison.target());
            json.put("paired", PairedJson.of(comparison.paired()));
            comparisons.add(json);
        }
        root.put("comparisons", comparisons);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary as JSON", e);
        }
    }

    /** The run's cost: the total of the priced cells, the day the prices were checked, the targets without. */
    private static Map<String, Object> cost(EvalSummary report, TargetPrices prices) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", prices.total(report.cells()));
        json.put("currency", "USD");
        json.put("pricesChecked", prices.checked());
        json.put("unpriced", prices.unpriced());
        return json;
    }

    private static Map<String, Object> likelihood(LikelihoodCell cell) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cases", cell.cases());
        json.put("scored", cell.scored());
        json.put("failed", cell.failed());
        json.put("pending", cell.pending());
        if (cell.notScorable() != null) {
            json.put("notScorable", cell.notScorable());
            return json;
        }
        json.put("raw", accuracy(cell.correct(), cell.accuracy(), cell.interval()));
        json.put("perToken", accuracy(cell.perTokenCorrect(), cell.perTokenAccuracy(), cell.perTokenInterval()));
        if (cell.failure() != null) {
            json.put("failure", cell.failure());
        }
        return json;
    }

    private static Map<String, Object> accuracy(int correct, @Nullable Double accuracy, WilsonInterval interval) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("correct", correct);
        json.put("accuracy", accuracy);
        json.put("interval", Map.of("low", interval.low(), "high", interval.high()));
        return json;
    }

    private static Map<String, Object> cell(EvalPlan plan, CellMetrics cell) {
        EvalTarget target = plan.targets().stream().filter(t -> t.id().equals(cell.target())).findFirst()
                .orElseThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("variant", cell.variant());
        json.put("target", cell.target());
        json.put("endpoint", target.endpoint().name());
        json.put("model", target.model());
        json.put("cases", cell.cases());
        json.put("correct", cell.correct());
        json.put("wrong", cell.wrong());
        json.put("failed", cell.failed());
        json.put("ungraded", cell.ungraded());
        json.put("pending", cell.pending());
        json.put("accuracy", cell.accuracy());
        json.put("interval", Map.of("low", cell.interval().low(), "high", cell.interval().high()));
        json.put("meanVoteShare", cell.meanVoteShare());
        json.put("meanAnswerProbability", cell.meanAnswerProbability());
        json.put("latency", cell.latency());
        json.put("promptTokens", cell.promptTokens());
        json.put("completionTokens", cell.completionTokens());
        json.put("thinkingTokens", cell.thinkingTokens());
        json.put("meanThinkingMillis", cell.meanThinkingMillis());
        json.put("calibration", cell.calibration());
        // pass@k, maj@k, cons@k for k = 1, 2, 4, ... (AtKScores says how each is counted).
        json.put("atK", cell.atK());
        ScoreSummary scores = cell.scores();
        if (scores != null) {
            // The grader's own scale (chrF and BLEU 0-100, the judge's, tests 0-1) and what passes on it.
            Map<String, Object> scored = new LinkedHashMap<>();
            scored.put("grader", scores.grader());
            scored.put("threshold", plan.task().effectiveAnswer().effectiveThreshold());
            scored.put("scored", scores.scored());
            scored.put("unscored", scores.unscored());
            scored.put("meanScore", scores.meanScore());
            scored.put("chrf", scores.chrf());
            scored.put("bleu", scores.bleu());
            scored.put("agreement", scores.agreement());
            json.put("scores", scored);
        }
        return json;
    }
}
