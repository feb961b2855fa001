// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.run;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;

/** The chat layout choice of the run bar and Evaluate: one control, so both read and size alike. */
public final class ChatLayoutPicker {
    // Wide enough for "single message"; a row that runs short of room squeezes its text fields instead.
    private static final double WIDTH = 132;

    private ChatLayoutPicker() {
    }

    /** A picker bound both ways to {@code choice}. */
    public static ComboBox<ChatLayoutChoice> create(String id, ObjectProperty<ChatLayoutChoice> choice) {
        ComboBox<ChatLayoutChoice> picker = new ComboBox<>(FXCollections.observableArrayList(
                ChatLayoutChoice.values()));
        picker.setId(id);
        picker.valueProperty().bindBidirectional(choice);
        picker.setTooltip(new Tooltip("How raw-text variants become chat messages where the backend or model takes"
                + " chat: each variant's own layout, multi-turn few-shot, or the whole prompt as one message"));
        picker.setMinWidth(WIDTH);
        picker.setPrefWidth(WIDTH);
        picker.setMaxWidth(WIDTH);
        return picker;
    }
}
