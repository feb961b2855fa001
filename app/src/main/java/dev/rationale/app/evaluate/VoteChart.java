// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** The votes of one case's samples: how many chains ended in each answer, most votes first. */
public final class VoteChart extends BarChart<String, Number> {

    public VoteChart() {
        super(new CategoryAxis(), new NumberAxis());
        setTitle("Votes");
        getXAxis().setLabel("answer");
        getYAxis().setLabel("samples");
        ((NumberAxis) getYAxis()).setTickUnit(1);
        ((NumberAxis) getYAxis()).setMinorTickVisible(false);
        setLegendVisible(false);
        setAnimated(false);
        getStyleClass().add("vote-chart");
    }

    /** Shows {@code votes} (answer to count), most first; ties keep the map's order. */
    public void show(Map<String, Integer> votes) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        votes.entrySet().stream().sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEach(vote -> series.getData().add(new XYChart.Data<>(vote.getKey(), vote.getValue())));
        setData(FXCollections.observableArrayList(List.of(series)));
    }
}
