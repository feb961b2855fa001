// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The ids a picker lists (tasks, variants) and the one picked: a pick is kept while it is still listed, else the
 * first id is picked. The list is replaced only when it differs, so a picker is not disturbed by every edit. Touch
 * it on the FX thread.
 */
final class IdPicker {

    private final ObservableList<String> ids = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyIds = FXCollections.unmodifiableObservableList(ids);
    private final ObjectProperty<@Nullable String> selected;

    /** @param bean and {@code name} name the selection property, as JavaFX beans do */
    IdPicker(Object bean, String name) {
        this.selected = new SimpleObjectProperty<>(bean, name);
    }

    /** Lists {@code wanted} and picks {@code keep} when it is listed, else the first; returns the pick. */
    @Nullable String show(List<String> wanted, @Nullable String keep) {
        if (!ids.equals(wanted)) {
            ids.setAll(wanted);
        }
        String pick = keep != null && wanted.contains(keep) ? keep : wanted.isEmpty() ? null : wanted.getFirst();
        selected.set(pick);
        return pick;
    }

    /** The listed ids, read-only. */
    ObservableList<String> ids() {
        return readOnlyIds;
    }

    ObjectProperty<@Nullable String> selectedProperty() {
        return selected;
    }
}
