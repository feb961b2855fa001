// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.CalibrationBins;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.grading.ScoreSummary;
import dev.rationale.core.grading.ScoreText;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The series the Evaluate charts draw, made from the grid's cells. Pure functions. */
public final class ChartSeries {

    private ChartSeries() {
    }

    /**
     * Accuracy with its interval per variant, for the accuracy chart; variants without graded cases are left out.
     * Under an answer format that scores, a variant's label says its score under its name (accuracy is then the
     * share of answers that reached the threshold).
     */
    public static List<Interval> intervals(List<CellMetrics> cells, Map<String, String> labels) {
        List<Interval> intervals = new ArrayList<>();
        for (CellMetrics cell : cells) {
            if (cell.accuracy() != null) {
                String label = labels.getOrDefault(cell.variant(), cell.variant());
                ScoreSummary scores = cell.scores();
                if (scores != null) {
                    label += "\n" + ScoreText.cell(scores, null);
                }
                intervals.add(new Interval(label, cell.accuracy(),
                        Math.min(cell.interval().low(), cell.accuracy()),
                        Math.max(cell.interval().high(), cell.accuracy())));
            }
        }
        return intervals;
    }

    /** Accuracy against shots, one line for answers only and one for chain of thought. */
    public static Map<String, List<Point>> shotLines(List<Variant> variants, List<CellMetrics> cells, Task task) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (CellMetrics cell : cells) {
            Variant variant = variants.stream().filter(v -> cell.variant().equals(v.id())).findFirst().orElse(null);
            if (variant == null || cell.accuracy() == null) {
                continue;
            }
            int shots = variant.shots() != null ? variant.shots() : task.exemplars().size();
            String line = variant.effectiveReasoning() == ReasoningStyle.NONE ? "answers only" : "chain of thought";
            lines.computeIfAbsent(line, name -> new ArrayList<>()).add(new Point(shots, cell.accuracy()));
        }
        lines.values().forEach(points -> points.sort((a, b) -> Double.compare(a.x(), b.x())));
        return lines;
    }

    /** Calibration over every cell: each non-empty bin as (mean confidence, accuracy). */
    public static List<Point> calibration(List<CellMetrics> cells) {
        List<Point> points = new ArrayList<>();
        for (CellMetrics cell : cells) {
            for (CalibrationBins.Bin bin : cell.calibration().bins()) {
                if (bin.meanConfidence() != null && bin.accuracy() != null) {
                    points.add(new Point(bin.meanConfidence(), bin.accuracy()));
                }
            }
        }
        points.sort((a, b) -> Double.compare(a.x(), b.x()));
        return points;
    }

    /** Accuracy per variant and model, for the chart by model: variant label to target id to accuracy. */
    public static Map<String, Map<String, Double>> byModel(List<CellMetrics> cells, Map<String, String> labels) {
        Map<String, Map<String, Double>> lines = new LinkedHashMap<>();
        for (CellMetrics cell : cells) {
            if (cell.accuracy() != null) {
                lines.computeIfAbsent(labels.getOrDefault(cell.variant(), cell.variant()), v -> new LinkedHashMap<>())
                        .put(cell.target(), cell.accuracy());
            }
        }
        return lines;
    }
}
