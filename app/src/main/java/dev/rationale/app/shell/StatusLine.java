// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.compare.CompareColumn;
import dev.rationale.app.compare.CompareViewModel;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.core.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * The status bar's line: the run bar's endpoint and model, what runs (the Output run, Compare columns) and the last
 * action's message. Follows the run settings, Output and every Compare column; actions report through
 * {@link #say}. Touch it on the FX thread only.
 */
public final class StatusLine {

    private final RunSettingsViewModel settings;
    private final OutputViewModel output;
    private final CompareViewModel compare;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private boolean planning;

    public StatusLine(RunSettingsViewModel settings, OutputViewModel output, CompareViewModel compare) {
        this.settings = settings;
        this.output = output;
        this.compare = compare;
        initListeners();
        update();
    }

    private void initListeners() {
        settings.endpointProperty().addListener((obs, old, now) -> update());
        settings.modelProperty().addListener((obs, old, now) -> update());
        settings.chatLayoutProperty().addListener((obs, old, now) -> update());
        output.stateProperty().addListener((obs, old, now) -> update());
        message.addListener((obs, old, now) -> update());
        compare.getColumns().addListener((ListChangeListener<CompareColumn>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(column ->
                        column.output().stateProperty().addListener((obs, old, now) -> update()));
            }
            update();
        });
    }

    /** Shows {@code text} as the last action's message; an empty text clears it. */
    public void say(String text) {
        message.set(text);
    }

    /** Whether an Output run is being planned (its provider may be loading); shown as "starting". */
    public void setPlanning(boolean planning) {
        this.planning = planning;
        update();
    }

    public boolean isPlanning() {
        return planning;
    }

    private void update() {
        List<String> parts = new ArrayList<>();
        Endpoint endpoint = settings.endpointProperty().get();
        parts.add(endpoint == null ? "no endpoint" : endpoint.name());
        String model = settings.modelProperty().get();
        parts.add(model == null || model.isBlank() ? "no model" : RunPlanner.shortModel(model));
        parts.add(runningText());
        String text = String.join(" · ", parts);
        status.set(message.get().isBlank() ? text : text + " — " + message.get());
    }

    private String runningText() {
        long columns = compare.getColumns().stream().filter(c -> c.output().getState().isRunning()).count();
        running.set(planning || columns > 0 || output.getState().isRunning());
        if (planning) {
            return "starting";
        }
        if (columns > 0) {
            return "running " + columns + (columns == 1 ? " column" : " columns");
        }
        return switch (output.getState()) {
            case IDLE -> "ready";
            case RUNNING -> "running";
            case COMPLETED -> "done";
            case CANCELLED -> "stopped";
            case FAILED -> "failed";
        };
    }

    /** The status bar's text: endpoint · model · what runs, and the last action's message. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    /** True while the Output run is starting or running, or any Compare column runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The last action's message, e.g. "Saved arithmetic.rationale.json."; empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
