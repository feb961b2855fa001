// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.Exemplar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The task's exemplars as table rows, in prompt order. Adding, removing, moving and editing rows writes the whole
 * list through to the document at once, so one gesture is one edit.
 */
public final class ExemplarRows {
    private static final String NEW_ID_PREFIX = "ex-";

    private final ObservableList<ExemplarRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ExemplarRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<List<String>> variables =
            new ReadOnlyObjectWrapper<>(this, "variables", List.of());
    private final Consumer<List<Exemplar>> write;
    private List<Exemplar> shown = List.of();
    private boolean loading;

    /** @param write replaces the current task's exemplars in the document */
    ExemplarRows(Consumer<List<Exemplar>> write) {
        this.write = write;
    }

    /**
     * Shows {@code exemplars} with one input column per name. Rows are updated in place when only their values
     * changed, so the table keeps its selection; the list is rebuilt when rows or columns came or went.
     */
    void show(List<Exemplar> exemplars, List<String> names) {
        if (exemplars.equals(shown) && names.equals(variables.get())) {
            return;
        }
        loading = true;
        try {
            if (names.equals(variables.get()) && exemplars.size() == rows.size()) {
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i).show(exemplars.get(i));
                }
            } else {
                variables.set(List.copyOf(names));
                rows.setAll(exemplars.stream().map(e -> new ExemplarRow(e, names, this::rowEdited)).toList());
            }
            shown = List.copyOf(exemplars);
        } finally {
            loading = false;
        }
    }

    /** Appends an enabled exemplar with a fresh id and empty values; returns its index. */
    public int add() {
        Map<String, String> inputs = new LinkedHashMap<>();
        variables.get().forEach(name -> inputs.put(name, ""));
        rows.add(new ExemplarRow(new Exemplar(freshId(), inputs, null, "", true), variables.get(), this::rowEdited));
        writeAll();
        return rows.size() - 1;
    }

    /** Removes the row at {@code index}. */
    public void remove(int index) {
        Objects.checkIndex(index, rows.size());
        rows.remove(index);
        writeAll();
    }

    /**
     * Moves the row at {@code from} so that it ends up at {@code to}, shifting the rows between; returns {@code to}.
     * The prompt shows exemplars in this order.
     */
    public int move(int from, int to) {
        Objects.checkIndex(from, rows.size());
        Objects.checkIndex(to, rows.size());
        if (from != to) {
            ExemplarRow row = rows.remove(from);
            rows.add(to, row);
            writeAll();
        }
        return to;
    }

    /** Moves the row at {@code index} one up, if it can; returns where it is now. */
    public int moveUp(int index) {
        return index > 0 ? move(index, index - 1) : index;
    }

    /** Moves the row at {@code index} one down, if it can; returns where it is now. */
    public int moveDown(int index) {
        return index < rows.size() - 1 ? move(index, index + 1) : index;
    }

    private void rowEdited() {
        if (!loading) {
            writeAll();
        }
    }

    private void writeAll() {
        shown = rows.stream().map(ExemplarRow::toExemplar).toList();
        write.accept(shown);
    }

    private String freshId() {
        Set<String> taken = new HashSet<>();
        shown.forEach(e -> taken.add(e.id()));
        int n = rows.size() + 1;
        while (taken.contains(NEW_ID_PREFIX + n)) {
            n++;
        }
        return NEW_ID_PREFIX + n;
    }

    /** The rows, in prompt order; change them through {@link #add}, {@link #remove} and {@link #move}. */
    public ObservableList<ExemplarRow> getRows() {
        return readOnlyRows;
    }

    /** The input variables, one column each, in the order of {@link ExemplarRow#inputProperty(int)}. */
    public ReadOnlyObjectProperty<List<String>> variablesProperty() {
        return variables.getReadOnlyProperty();
    }

    public List<String> getVariables() {
        return variables.get();
    }
}
