// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.Exemplar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One exemplar as a row of the exemplar table: whether it is on, one text per input variable, the rationale and the
 * answer. Setting a property edits the exemplar in the document. Input values for names the templates no longer
 * use are kept, not shown.
 */
public final class ExemplarRow {
    private final ReadOnlyStringWrapper id = new ReadOnlyStringWrapper(this, "id", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final List<String> names;
    private final List<StringProperty> inputs;
    private final StringProperty rationale = new SimpleStringProperty(this, "rationale", "");
    private final StringProperty answer = new SimpleStringProperty(this, "answer", "");
    private Exemplar base;

    ExemplarRow(Exemplar exemplar, List<String> names, Runnable edited) {
        this.names = List.copyOf(names);
        this.inputs = names.stream().map(name -> (StringProperty) new SimpleStringProperty(this, name, "")).toList();
        this.base = exemplar;
        show(exemplar);
        enabled.addListener((obs, old, now) -> edited.run());
        rationale.addListener((obs, old, now) -> edited.run());
        answer.addListener((obs, old, now) -> edited.run());
        inputs.forEach(input -> input.addListener((obs, old, now) -> edited.run()));
    }

    /** Shows {@code exemplar}; the caller keeps the resulting change events from writing back. */
    void show(Exemplar exemplar) {
        base = exemplar;
        id.set(OptionalText.shown(exemplar.id()));
        enabled.set(exemplar.effectiveEnabled());
        for (int i = 0; i < names.size(); i++) {
            inputs.get(i).set(OptionalText.shown(exemplar.inputs().get(names.get(i))));
        }
        rationale.set(OptionalText.shown(exemplar.rationale()));
        answer.set(OptionalText.shown(exemplar.answer()));
    }

    /** The exemplar as the row now shows it. */
    Exemplar toExemplar() {
        Map<String, String> values = new LinkedHashMap<>(base.inputs());
        for (int i = 0; i < names.size(); i++) {
            String text = inputs.get(i).get();
            // A variable the exemplar had no value for stays absent until something is typed for it.
            if (values.containsKey(names.get(i)) || !text.isEmpty()) {
                values.put(names.get(i), text);
            }
        }
        // A file that leaves "enabled" out means on; keep it out while the row stays on.
        Boolean on = base.enabled() == null && enabled.get() ? null : enabled.get();
        return new Exemplar(base.id(), values, OptionalText.edited(base.rationale(), rationale.get()),
                OptionalText.edited(base.answer(), answer.get()), on);
    }

    /** The exemplar's id, or empty when it has none. */
    public ReadOnlyStringProperty idProperty() {
        return id.getReadOnlyProperty();
    }

    public String getId() {
        return id.get();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    public void setEnabled(boolean on) {
        enabled.set(on);
    }

    /** The value of the {@code column}th input variable, in the order of {@link ExemplarRows#getVariables()}. */
    public StringProperty inputProperty(int column) {
        return inputs.get(column);
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    public StringProperty answerProperty() {
        return answer;
    }

    public String getAnswer() {
        return answer.get();
    }

    public void setAnswer(String text) {
        answer.set(text);
    }
}
