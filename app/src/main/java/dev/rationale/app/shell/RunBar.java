// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.run.ChatLayoutChoice;
import dev.rationale.app.run.ChatLayoutPicker;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.app.run.ThinkingChoice;
import dev.rationale.app.run.ThinkingPicker;
import dev.rationale.core.endpoint.Endpoint;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The bar under the menus: where the next run goes (endpoint, model), the settings it overrides (an empty field
 * keeps the prompt set's own), and Run and Stop. Binds to {@link RunSettingsViewModel}; holds no state.
 */
final class RunBar extends HBox {

    /**
     * @param running true while a run is under way: Run is disabled and Stop enabled
     * @param run what Run does; {@code stop} what Stop does; {@code endpoints} opens the Endpoints dialog
     */
    RunBar(RunSettingsViewModel settings, ObservableBooleanValue running, Runnable run, Runnable stop,
            Runnable endpoints) {
        getStyleClass().add("run-bar");
        setAlignment(Pos.CENTER_LEFT);

        ComboBox<Endpoint> endpoint = new ComboBox<>(settings.getEndpoints());
        endpoint.setId("run-endpoint");
        endpoint.setPromptText("endpoint");
        endpoint.setConverter(converter(Endpoint::name));
        endpoint.valueProperty().bindBidirectional(settings.endpointProperty());
        endpoint.setPrefWidth(135);
        // The minimum widths read "Embedded…" and "stories260K…" at the default window size; the bar's labels, the
        // gear and the pickers make room for them.
        endpoint.setMinWidth(112);

        ComboBox<String> model = new ComboBox<>(settings.getModels());
        model.setId("run-model");
        model.setEditable(true);
        model.setPromptText("model");
        model.setPrefWidth(170);
        model.setMinWidth(124);
        model.valueProperty().bindBidirectional(settings.modelProperty());
        model.setTooltip(new Tooltip());
        model.getTooltip().textProperty().bind(settings.modelProperty());
        Label modelsMessage = new Label();
        modelsMessage.getStyleClass().add("run-bar-message");
        modelsMessage.textProperty().bind(settings.modelsMessageProperty());
        modelsMessage.setMaxWidth(220);
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(settings.modelsMessageProperty());
        modelsMessage.setTooltip(messageTip);
        modelsMessage.setMinWidth(0);

        ComboBox<ChatLayoutChoice> layout = ChatLayoutPicker.create("run-chat-layout", settings.chatLayoutProperty());
        ComboBox<ThinkingChoice> thinking = ThinkingPicker.create("run-thinking", settings.thinkingProperty());

        // A gear, not "Endpoints…": the words cost the endpoint and model pickers their names at the default width,
        // and Run > Endpoints… says it in full.
        Button manage = new Button("⚙");
        manage.setId("run-endpoints");
        manage.setTooltip(new Tooltip("Endpoints… (add, edit and test the backends to run on)"));
        manage.setAccessibleText("Endpoints…");
        manage.setOnAction(event -> endpoints.run());
        manage.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button runButton = new Button("Run");
        runButton.setId("run-button");
        runButton.getStyleClass().add("accent");
        runButton.setTooltip(new Tooltip("Run the composed prompt (Ctrl+Enter); on Compare, run every column"));
        runButton.disableProperty().bind(running);
        runButton.setOnAction(event -> run.run());
        runButton.setMinWidth(Region.USE_PREF_SIZE);
        Button stopButton = new Button("Stop");
        stopButton.setId("stop-button");
        stopButton.setTooltip(new Tooltip("Stop the run (Esc)"));
        stopButton.disableProperty().bind(javafx.beans.binding.Bindings.not(running));
        stopButton.setOnAction(event -> stop.run());
        stopButton.setMinWidth(Region.USE_PREF_SIZE);

        getChildren().addAll(label("Endpoint"), endpoint, label("Model"), model, manage, modelsMessage, spacer,
                label("Layout"), layout, label("Thinking"), thinking,
                temperatureLabel(), number("run-temperature", settings.temperatureProperty(), Double::valueOf,
                        "set's"),
                label("Top-p"), number("run-top-p", settings.topPProperty(), Double::valueOf, "set's"),
                label("Max tokens"), number("run-max-tokens", settings.maxTokensProperty(), Integer::valueOf,
                        "set's"),
                label("Seed"), number("run-seed", settings.seedProperty(), Long::valueOf, "none"),
                label("Top-k"), number("run-top-logprobs", settings.topLogprobsProperty(), Integer::valueOf, "0"),
                runButton, stopButton);
    }

    // Short, so the bar keeps room for every field at the default window width; the tooltip says it in full.
    private static Label temperatureLabel() {
        Label label = label("Temp.");
        label.setTooltip(new Tooltip("Temperature: 0 is greedy; empty keeps the prompt set's"));
        return label;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("run-bar-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * A field for a number the run may override: empty means "not set", anything that does not parse is refused
     * as it is typed, so the property only ever holds a number or null.
     */
    private static <T> TextField number(String id, ObjectProperty<@Nullable T> property, Function<String, T> parse,
            String emptyMeaning) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(emptyMeaning);
        field.setPrefColumnCount(3);
        field.setMinWidth(48);
        field.getStyleClass().add("run-bar-number");
        StringConverter<@Nullable T> converter = new StringConverter<>() {
            @Override
            public String toString(@Nullable T value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public @Nullable T fromString(String text) {
                return text == null || text.isBlank() ? null : parse.apply(text.strip());
            }
        };
        TextFormatter<@Nullable T> formatter = new TextFormatter<>(converter, property.get(), change -> {
            String next = change.getControlNewText().strip();
            if (next.isEmpty() || next.equals("-") || next.equals(".")) {
                return change;
            }
            try {
                parse.apply(next);
                return change;
            } catch (NumberFormatException e) {
                return null;
            }
        });
        field.setTextFormatter(formatter);
        formatter.valueProperty().bindBidirectional(property);
        // A value is committed on Enter or when focus leaves; a Run click moves focus first, so it is never stale.
        return field;
    }

    private static <T> StringConverter<T> converter(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(@Nullable T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public @Nullable T fromString(String text) {
                return null;
            }
        };
    }
}
