// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.provider.ModelSize;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class EvaluateChartsUiIT {
    private static final Comparator<Double> CLOSE = (a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);

    private AccuracyChart accuracy;
    private SweepChart shots;
    private SweepChart calibration;
    private ModelScalingChart models;

    @Start
    void start(Stage stage) {
        accuracy = new AccuracyChart("Accuracy by variant", "variant");
        shots = SweepChart.shots();
        calibration = SweepChart.calibration();
        models = new ModelScalingChart();
        GridPane grid = new GridPane();
        grid.add(accuracy, 0, 0);
        grid.add(shots, 1, 0);
        grid.add(calibration, 0, 1);
        grid.add(models, 1, 1);
        stage.setScene(new Scene(grid, 1500, 900));
        stage.show();
    }

    @Test
    void eachBarCarriesAnErrorBarFromItsLowToItsHighBound(FxRobot robot) {
        robot.interact(() -> {
            accuracy.show(List.of(new Interval("zero-shot", 0.5, 0.3, 0.7), new Interval("cot-8", 0.8, 0.49, 0.94)));
            accuracy.layout();
        });

        NumberAxis y = (NumberAxis) accuracy.getYAxis();
        List<Double> cot = onFx(() -> accuracy.errorBarOf("cot-8"));
        assertThat(cot.get(0)).isCloseTo(onFx(() -> y.getDisplayPosition(94)), within(0.5));
        assertThat(cot.get(1)).isCloseTo(onFx(() -> y.getDisplayPosition(49)), within(0.5));
        // Higher on screen means a smaller y: the upper bound is drawn above the lower one.
        assertThat(cot.get(0)).isLessThan(cot.get(1));
        List<Double> zero = onFx(() -> accuracy.errorBarOf("zero-shot"));
        assertThat(zero.get(1) - zero.get(0)).isLessThan(cot.get(1) - cot.get(0));
        assertThat(robot.lookup(".accuracy-error-bar").queryAll()).hasSize(6);

        robot.interact(() -> accuracy.show(List.of(new Interval("only", 1.0, 0.7, 1.0))));

        assertThat(robot.lookup(".accuracy-error-bar").queryAll()).hasSize(3);
    }

    @Test
    void theShotSweepHasALinePerReasoningStyleInPercent(FxRobot robot) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        lines.put("answer only", List.of(new Point(0, 0.2), new Point(4, 0.3), new Point(8, 0.35)));
        lines.put("chain of thought", List.of(new Point(0, 0.25), new Point(4, 0.55), new Point(8, 0.7)));

        robot.interact(() -> shots.show(lines));

        List<XYChart.Series<Number, Number>> data = onFx(() -> List.copyOf(shots.getData()));
        assertThat(data).extracting(XYChart.Series::getName).containsExactly("answer only", "chain of thought");
        assertThat(data.get(1).getData()).extracting(d -> d.getYValue().doubleValue())
                .usingElementComparator(CLOSE).containsExactly(25.0, 55.0, 70.0);
    }

    @Test
    void calibrationIsDrawnBesideThePerfectDiagonal(FxRobot robot) {
        robot.interact(() -> calibration.showCalibration(List.of(new Point(0.55, 0.4), new Point(0.95, 0.9))));

        List<XYChart.Series<Number, Number>> data = onFx(() -> List.copyOf(calibration.getData()));
        assertThat(data).extracting(XYChart.Series::getName).containsExactly("perfectly calibrated", "observed");
        assertThat(data.get(1).getData()).extracting(d -> d.getXValue().doubleValue())
                .usingElementComparator(CLOSE).containsExactly(55.0, 95.0);
    }

    @Test
    void modelsAreShownInTheOrderGivenLabelledWithTheirSizes(FxRobot robot) {
        Map<String, @Nullable ModelSize> sizes = new LinkedHashMap<>();
        sizes.put("qwen2.5:7b", ModelSize.reported("7.6B"));
        sizes.put("hosted", null);
        sizes.put("smollm2", ModelSize.measured(134_515_008L));
        Map<String, Map<String, Double>> accuracy = new LinkedHashMap<>();
        accuracy.put("zero", Map.of("qwen2.5:7b", 0.5, "hosted", 0.7));
        accuracy.put("cot-8", Map.of("qwen2.5:7b", 0.9, "smollm2", 0.2, "hosted", 0.8));
        Map<String, @Nullable ModelSize> byName = new LinkedHashMap<>();
        sizes.keySet().forEach(name -> byName.put(name, ModelSize.fromName(name)));

        // As on the Evaluate tab: the names' sizes first, then the endpoint's.
        robot.interact(() -> models.show(SizedModel.ordered(byName), accuracy));
        robot.interact(() -> models.show(SizedModel.ordered(sizes), accuracy));
        robot.interact(models::layout);

        List<String> ticks = onFx(() -> models.getXAxis().getTickMarks().stream()
                .filter(tick -> tick.isTextVisible()).map(tick -> tick.getValue()).toList());
        assertThat(ticks).containsExactly("smollm2 · 135M params", "qwen2.5:7b · 7.6B params",
                "hosted · size unknown");
        List<XYChart.Data<String, Number>> points = onFx(() -> List.copyOf(models.getData().getFirst().getData()));
        assertThat(points).extracting(XYChart.Data::getXValue)
                .containsExactly("qwen2.5:7b · 7.6B params", "hosted · size unknown");
    }

    @Test
    void anIntervalOutsideItsBoundsIsRefused() {
        assertThatThrownBy(() -> new Interval("x", 0.5, 0.6, 0.7)).isInstanceOf(IllegalArgumentException.class);
    }
}
