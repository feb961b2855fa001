// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/** The thinking level choice of the run bar, sized like the chat layout picker beside it. */
public final class ThinkingPicker {
    // Wide enough for "variant's" with the arrow in the default font (102 cut it to "varia…"), and no wider: the
    // run bar must fit the default window.
    private static final double WIDTH = 114;

    private ThinkingPicker() {
    }

    /** A picker bound both ways to {@code choice}. */
    public static ComboBox<ThinkingChoice> create(String id, ObjectProperty<ThinkingChoice> choice) {
        ComboBox<ThinkingChoice> picker = new ComboBox<>(FXCollections.observableArrayList(ThinkingChoice.values()));
        picker.setId(id);
        picker.valueProperty().bindBidirectional(choice);
        picker.setTooltip(new Tooltip("How much a reasoning model thinks before it answers: each variant's own "
                + "setting, or off, low, medium or high for this run. Each backend takes it its own way (an effort, "
                + "a token budget, or on and off); a backend that cannot says so under the answer."));
        picker.setMinWidth(WIDTH);
        picker.setPrefWidth(WIDTH);
        picker.setMaxWidth(WIDTH);
        return picker;
    }
}
