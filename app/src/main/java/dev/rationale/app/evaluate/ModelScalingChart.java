// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * Accuracy against the model, one line per variant: the scaling view, with models in the order {@link SizedModel}
 * gives (by parameter count where known, unknown sizes last by name) and labelled with their size, so a prompt that
 * only helps large models shows as a rising line.
 */
public final class ModelScalingChart extends LineChart<String, Number> {
    private List<String> order = List.of();

    public ModelScalingChart() {
        super(new CategoryAxis(), new NumberAxis(0, 100, 10));
        setTitle("Accuracy by model");
        getXAxis().setLabel("model (by size)");
        getYAxis().setLabel("accuracy (%)");
        setAnimated(false);
        getStyleClass().add("model-scaling-chart");
    }

    /**
     * Shows one line per variant over {@code models} in the order given, each labelled with its size;
     * {@code accuracy} maps variant to target id to accuracy (a fraction). A model a variant was not run on leaves a
     * gap.
     */
    public void show(List<SizedModel> models, Map<String, Map<String, Double>> accuracy) {
        order = models.stream().map(SizedModel::label).toList();
        var all = FXCollections.<XYChart.Series<String, Number>>observableArrayList();
        accuracy.forEach((variant, byModel) -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(variant);
            for (SizedModel model : models) {
                Double value = byModel.get(model.target());
                if (value != null) {
                    series.getData().add(new XYChart.Data<>(model.label(), value * 100));
                }
            }
            all.add(series);
        });
        setData(all);
    }

    // Categories set by hand (setCategories) got no tick marks at all, so the axis keeps ranging over the data, in
    // the models' order rather than the order the lines bring them in. The accuracy axis is fixed at 0-100.
    @Override
    protected void updateAxisRange() {
        List<String> categories = new ArrayList<>(order);
        for (XYChart.Series<String, Number> series : getData()) {
            series.getData().stream().map(XYChart.Data::getXValue).filter(x -> !categories.contains(x))
                    .forEach(categories::add);
        }
        getXAxis().invalidateRange(categories);
    }
}
