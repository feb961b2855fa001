// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.analysis.TokenHeat;
import dev.rationale.core.analysis.TokenHeat.Measure;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/** The heat map's legend: a swatch per level between the calm and the hot end's labels, for the current measure. */
final class HeatLegend extends HBox {

    private final Label calm = new Label();
    private final Label hot = new Label();

    HeatLegend(ObservableValue<Measure> measure) {
        setId("output-legend");
        getStyleClass().add("heat-legend");
        calm.getStyleClass().add("heat-legend-label");
        hot.getStyleClass().add("heat-legend-label");
        getChildren().add(calm);
        for (int level = 0; level < HeatLevels.COUNT; level++) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("heat-legend-swatch", "heat-legend-swatch-" + level);
            getChildren().add(swatch);
        }
        getChildren().add(hot);
        show(measure.getValue());
        measure.addListener((obs, old, now) -> show(now));
    }

    private void show(Measure measure) {
        List<String> labels = TokenHeat.legend(measure, HeatLevels.COUNT);
        String name = measure == Measure.PROBABILITY ? "p " : "entropy ";
        calm.setText(name + labels.getFirst());
        hot.setText(labels.getLast());
    }
}
