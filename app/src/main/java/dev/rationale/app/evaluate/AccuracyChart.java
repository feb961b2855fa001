// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.shape.Line;

/**
 * Accuracy per label as bars, each with its 95% interval drawn as an error bar (a vertical line with caps). JavaFX
 * bar charts have no error bars, so the lines are laid out here, after the bars, from the axes' positions.
 */
public final class AccuracyChart extends BarChart<String, Number> {

    private static final double CAP_SHARE = 0.25;

    private final Map<XYChart.Data<String, Number>, ErrorBar> errorBars = new IdentityHashMap<>();

    public AccuracyChart(String title, String categoryName) {
        super(new CategoryAxis(), new NumberAxis(0, 100, 10));
        setTitle(title);
        getXAxis().setLabel(categoryName);
        getYAxis().setLabel("accuracy (%)");
        setLegendVisible(false);
        setAnimated(false);
        getStyleClass().add("accuracy-chart");
    }

    /** Shows {@code intervals}, one bar each, in the order given. */
    public void show(List<Interval> intervals) {
        errorBars.values().forEach(bar -> getPlotChildren().removeAll(bar.lines()));
        errorBars.clear();
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (Interval interval : intervals) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(interval.label(), interval.accuracy() * 100);
            series.getData().add(bar);
            ErrorBar error = new ErrorBar(interval);
            errorBars.put(bar, error);
            getPlotChildren().addAll(error.lines());
        }
        setData(FXCollections.observableArrayList(List.of(series)));
    }

    /** The error bar drawn for the bar of {@code label}: its stem's top and bottom in plot coordinates. */
    List<Double> errorBarOf(String label) {
        for (var entry : errorBars.entrySet()) {
            if (entry.getKey().getXValue().equals(label)) {
                Line stem = entry.getValue().stem();
                return List.of(stem.getStartY(), stem.getEndY());
            }
        }
        throw new IllegalArgumentException("no bar " + label);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis y = (NumberAxis) getYAxis();
        for (var entry : errorBars.entrySet()) {
            var node = entry.getKey().getNode();
            if (node == null) {
                continue;
            }
            double center = node.getLayoutX() + node.getBoundsInLocal().getWidth() / 2;
            double capHalf = node.getBoundsInLocal().getWidth() * CAP_SHARE / 2;
            Interval interval = entry.getValue().interval();
            entry.getValue().place(center, y.getDisplayPosition(interval.high() * 100),
                    y.getDisplayPosition(interval.low() * 100), capHalf);
            entry.getValue().lines().forEach(javafx.scene.Node::toFront);
        }
    }

    /** The three lines of one error bar. */
    private record ErrorBar(Interval interval, Line stem, Line top, Line bottom) {
        ErrorBar(Interval interval) {
            this(interval, styled(new Line()), styled(new Line()), styled(new Line()));
        }

        private static Line styled(Line line) {
            line.getStyleClass().add("accuracy-error-bar");
            line.setManaged(false);
            return line;
        }

        List<Line> lines() {
            return new ArrayList<>(List.of(stem, top, bottom));
        }

        void place(double x, double highY, double lowY, double capHalf) {
            stem.setStartX(x);
            stem.setEndX(x);
            stem.setStartY(highY);
            stem.setEndY(lowY);
            top.setStartX(x - capHalf);
            top.setEndX(x + capHalf);
            top.setStartY(highY);
            top.setEndY(highY);
            bottom.setStartX(x - capHalf);
            bottom.setEndX(x + capHalf);
            bottom.setStartY(lowY);
            bottom.setEndY(lowY);
        }
    }
}
