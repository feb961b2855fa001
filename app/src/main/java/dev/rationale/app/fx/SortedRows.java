// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableView;

/**
 * Shows a list in a table through a sorted view of it. A table sorts its own items in place, so rows its source
 * replaces or adds (a refresh, a run's growing figures, the next page) would arrive unsorted under a header that
 * still says sorted, and the source's order would be lost. Through the view the user's sort stays in force and the
 * source keeps its order.
 */
public final class SortedRows {

    private SortedRows() {
    }

    /** Sets {@code table}'s items to {@code rows}, sorted as its columns say. */
    public static <T> void show(TableView<T> table, ObservableList<T> rows) {
        SortedList<T> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }
}
