// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The value of one input variable for the current test case, as an editable field. */
public final class InputField {
    private final String name;
    private final StringProperty value;

    InputField(String name, String initial, Runnable edited) {
        this.name = name;
        this.value = new SimpleStringProperty(this, "value", initial);
        value.addListener((obs, old, now) -> edited.run());
    }

    /** The variable's name, as the templates spell it. */
    public String getName() {
        return name;
    }

    /** The value; setting it edits the test case (or the scratch inputs when the task has no cases). */
    public StringProperty valueProperty() {
        return value;
    }

    public String getValue() {
        return value.get();
    }

    public void setValue(String text) {
        value.set(text);
    }
}
