// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Accuracy against a number, one line per series: the k-shot sweep (accuracy against the number of exemplars, a
 * line with and one without chain of thought) and the calibration diagram (accuracy against confidence, beside the
 * diagonal of perfect calibration).
 */
public final class SweepChart extends LineChart<Number, Number> {

    private SweepChart(String title, String xName, NumberAxis x) {
        super(x, new NumberAxis(0, 100, 10));
        setTitle(title);
        getXAxis().setLabel(xName);
        getYAxis().setLabel("accuracy (%)");
        setAnimated(false);
        getStyleClass().add("sweep-chart");
    }

    /** Accuracy against the number of shots. */
    public static SweepChart shots() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(true);
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        return new SweepChart("Accuracy by number of shots", "shots", x);
    }

    /** Accuracy against confidence, the calibration diagram; the diagonal is drawn as its own series. */
    public static SweepChart calibration() {
        SweepChart chart = new SweepChart("Calibration", "confidence (%)", new NumberAxis(0, 100, 10));
        chart.getStyleClass().add("calibration-chart");
        return chart;
    }

    /** Shows one line per entry, x as given and y (a fraction) in percent, in the map's order. */
    public void show(Map<String, List<Point>> lines) {
        var all = FXCollections.<XYChart.Series<Number, Number>>observableArrayList();
        lines.forEach((name, points) -> all.add(series(name, points, 1)));
        setData(all);
    }

    /** Shows calibration bins: each point is (mean confidence, accuracy), both fractions; plus the diagonal. */
    public void showCalibration(List<Point> bins) {
        var diagonal = series("perfectly calibrated", List.of(new Point(0, 0), new Point(1, 1)), 100);
        setData(FXCollections.observableArrayList(List.of(diagonal, series("observed", bins, 100))));
    }

    private static XYChart.Series<Number, Number> series(String name, List<Point> points, double xScale) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (Point point : points) {
            series.getData().add(new XYChart.Data<>(point.x() * xScale, point.y() * 100));
        }
        return series;
    }
}
