// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.jspecify.annotations.Nullable;

/**
 * Accuracy against the model, one line per variant: the scaling view, with models ordered by parameter count when it
 * is known (unknown sizes last, by name), so a prompt that only helps large models shows as a rising line.
 */
public final class ModelScalingChart extends LineChart<String, Number> {

    /** A model and its size, if known. */
    public record Model(String name, @Nullable Long parameters) {
    }

    public ModelScalingChart() {
        super(new CategoryAxis(), new NumberAxis(0, 100, 10));
        setTitle("Accuracy by model");
        getXAxis().setLabel("model (by size)");
        getYAxis().setLabel("accuracy (%)");
        setAnimated(false);
        getStyleClass().add("model-scaling-chart");
    }

    /** The order models are shown in: by parameter count, unknown sizes last by name. */
    public static List<Model> ordered(List<Model> models) {
        return models.stream().sorted(Comparator.comparing((Model m) -> m.parameters() == null)
                .thenComparing(m -> m.parameters() == null ? 0L : m.parameters())
                .thenComparing(Model::name)).toList();
    }

    /**
     * Shows one line per variant; {@code accuracy} maps variant to model name to accuracy (a fraction). A model a
     * variant was not run on leaves a gap.
     */
    public void show(List<Model> models, Map<String, Map<String, Double>> accuracy) {
        List<Model> order = ordered(models);
        ((CategoryAxis) getXAxis()).setCategories(FXCollections.observableArrayList(
                order.stream().map(Model::name).toList()));
        var all = FXCollections.<XYChart.Series<String, Number>>observableArrayList();
        accuracy.forEach((variant, byModel) -> {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(variant);
            for (Model model : order) {
                Double value = byModel.get(model.name());
                if (value != null) {
                    series.getData().add(new XYChart.Data<>(model.name(), value * 100));
                }
            }
            all.add(series);
        });
        setData(all);
    }
}
