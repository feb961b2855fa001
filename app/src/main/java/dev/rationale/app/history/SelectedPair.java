// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.eval.RunComparison;
import dev.rationale.core.history.Run;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The runs selected in History's list and the comparison of two of them. A comparison belongs to the pair it was
 * made of: picking other runs drops it, and one that arrives after the pick changed is not shown. Touch it on the FX
 * thread.
 */
final class SelectedPair {

    private final HistoryQueries queries;
    private final ObservableList<Run> selected = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<@Nullable RunComparison> comparison =
            new ReadOnlyObjectWrapper<>(this, "comparison");

    SelectedPair(HistoryQueries queries) {
        this.queries = queries;
        selected.addListener((ListChangeListener<Run>) change -> {
            RunComparison shown = comparison.get();
            if (shown != null && !isPair(shown.a().id(), shown.b().id())) {
                comparison.set(null);
            }
        });
    }

    /** Compares the two selected runs, the older as A; does nothing unless exactly two are selected. */
    void compare() {
        if (selected.size() != 2) {
            return;
        }
        String first = selected.get(0).id();
        String second = selected.get(1).id();
        queries.ask(store -> RunComparison.of(store, first, second), result -> {
            if (isPair(first, second)) {
                comparison.set(result);
            }
        });
    }

    void close() {
        comparison.set(null);
    }

    private boolean isPair(String a, String b) {
        List<String> ids = selected.stream().map(Run::id).toList();
        return ids.size() == 2 && ids.contains(a) && ids.contains(b);
    }

    ObservableList<Run> selected() {
        return selected;
    }

    ReadOnlyObjectProperty<@Nullable RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }
}
