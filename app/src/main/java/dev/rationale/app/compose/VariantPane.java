// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.app.run.ThinkingChoice;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Variant;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/** The selected variant's controls: shots, samples, reasoning style, shape, trigger and system text. */
final class VariantPane extends GridPane {
    private static final Map<ReasoningStyle, String> REASONING_NAMES = Map.of(
            ReasoningStyle.NONE, "None: answers only",
            ReasoningStyle.FEW_SHOT_RATIONALE, "Few-shot rationale",
            ReasoningStyle.ZERO_SHOT_TRIGGER, "Zero-shot trigger",
            ReasoningStyle.CUSTOM, "Custom");
    private static final Map<PromptShape, String> SHAPE_NAMES = Map.of(
            PromptShape.CHAT, "Chat messages",
            PromptShape.TEXT, "Raw text");
    private static final Map<ThinkingChoice, String> THINKING_NAMES = Map.of(
            ThinkingChoice.VARIANTS, "Model's default",
            ThinkingChoice.OFF, "Off",
            ThinkingChoice.LOW, "Low",
            ThinkingChoice.MEDIUM, "Medium",
            ThinkingChoice.HIGH, "High");

    private final VariantControls controls;

    VariantPane(VariantControls controls) {
        this.controls = controls;
        createView();
    }

    private void createView() {
        Spinner<Integer> shots = spinner("compose-shots", controls.shotsProperty(), controls.maxShotsProperty());
        Label ofMax = Section.fieldLabel("");
        ofMax.textProperty().bind(controls.maxShotsProperty().asString("of %d enabled"));
        Spinner<Integer> samples = spinner("compose-samples", controls.samplesProperty(), null);
        ComboBox<ReasoningStyle> reasoning = choice("compose-reasoning", ReasoningStyle.values(), REASONING_NAMES);
        reasoning.valueProperty().bindBidirectional(controls.reasoningProperty());
        ComboBox<PromptShape> shape = choice("compose-shape", PromptShape.values(), SHAPE_NAMES);
        shape.valueProperty().bindBidirectional(controls.shapeProperty());
        ComboBox<ThinkingChoice> thinking = choice("compose-thinking", ThinkingChoice.values(), THINKING_NAMES);
        thinking.valueProperty().bindBidirectional(controls.thinkingProperty());
        thinking.setTooltip(new Tooltip("How much a reasoning model thinks before it answers, saved with the "
                + "variant; the run bar can override it for a run"));
        var trigger = new TextField();
        trigger.setId("compose-trigger");
        trigger.setPromptText(Variant.DEFAULT_TRIGGER);
        trigger.textProperty().bindBidirectional(controls.triggerProperty());
        trigger.disableProperty().bind(controls.triggerUsedProperty().not());
        var system = new TextArea();
        system.setId("compose-system");
        system.setPromptText("Optional text before the instruction (the system message in chat)");
        system.setWrapText(true);
        system.setPrefRowCount(3);
        system.textProperty().bindBidirectional(controls.systemProperty());

        var shotsRow = new HBox(8, shots, ofMax);
        shotsRow.setAlignment(Pos.CENTER_LEFT);
        addRow(0, "Shots", shotsRow);
        addRow(1, "Samples", samples);
        addRow(2, "Reasoning", reasoning);
        addRow(3, "Shape", shape);
        addRow(4, "Thinking", thinking);
        addRow(5, "Trigger", trigger);
        addRow(6, "System", system);
        GridPane.setVgrow(system, Priority.ALWAYS);
        var labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        var editors = new ColumnConstraints();
        editors.setHgrow(Priority.ALWAYS);
        editors.setFillWidth(true);
        getColumnConstraints().addAll(labels, editors);
        setHgap(10);
        setVgap(8);
    }

    private void addRow(int row, String label, Node control) {
        Label name = Section.fieldLabel(label);
        add(name, 0, row);
        add(control, 1, row);
        if (control instanceof TextArea) {
            GridPane.setValignment(name, VPos.TOP);
        }
    }

    // The spinner's value is an Integer object and the view model's an int, so the directions are wired by hand.
    // While the view model loads a variant, a smaller maximum may clamp the spinner: the write-back it causes
    // arrives while the view model ignores writes.
    private static Spinner<Integer> spinner(String id, IntegerProperty value, @Nullable ObservableIntegerValue max) {
        int upper = max == null ? VariantControls.MAX_SAMPLES : max.get();
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(max == null ? 1 : 0, upper, value.get());
        factory.setConverter(new WholeNumbers(factory));
        if (max != null) {
            max.addListener((obs, old, now) -> factory.setMax(now.intValue()));
        }
        factory.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now != value.get()) {
                value.set(now);
            }
        });
        value.addListener((obs, old, now) -> factory.setValue(now.intValue()));
        var spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(90);
        return spinner;
    }

    /** Reads typed text as a whole number; anything else keeps the value, where the stock converter throws. */
    private static final class WholeNumbers extends StringConverter<Integer> {
        private final SpinnerValueFactory<Integer> factory;

        WholeNumbers(SpinnerValueFactory<Integer> factory) {
            this.factory = factory;
        }

        @Override
        public String toString(@Nullable Integer value) {
            return value == null ? "" : value.toString();
        }

        @Override
        public Integer fromString(String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return factory.getValue();
            }
        }
    }

    private static <T> ComboBox<T> choice(String id, T[] values, Map<T, String> names) {
        var box = new ComboBox<T>();
        box.getItems().setAll(values);
        box.setId(id);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : names.get(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("not editable");
            }
        });
        return box;
    }
}
