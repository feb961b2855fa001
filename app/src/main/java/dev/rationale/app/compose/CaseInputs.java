// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.promptset.TestCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The test case the preview renders: which of the task's cases, and one editable field per input variable.
 * Editing a field edits that case in the document. A task without cases gets scratch inputs instead, kept here
 * and never written to the file.
 */
public final class CaseInputs {
    private static final int LABEL_SNIPPET = 48;

    private final ObservableList<String> caseLabels = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ObservableList<InputField> fields = FXCollections.observableArrayList();
    private final ObservableList<String> readOnlyLabels = FXCollections.unmodifiableObservableList(caseLabels);
    private final ObservableList<InputField> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
    private final ReadOnlyStringWrapper expected = new ReadOnlyStringWrapper(this, "expected", "");
    private final ReadOnlyBooleanWrapper scratch = new ReadOnlyBooleanWrapper(this, "scratch", true);
    private final BiConsumer<Integer, TestCase> writeCase;
    private final Runnable changed;
    private final Map<String, String> scratchValues = new LinkedHashMap<>();
    private List<TestCase> cases = List.of();
    private boolean loading;

    /**
     * @param writeCase replaces the case at an index of the current task's cases
     * @param changed told when the inputs changed without a document edit: another case, or scratch input typed
     */
    CaseInputs(BiConsumer<Integer, TestCase> writeCase, Runnable changed) {
        this.writeCase = writeCase;
        this.changed = changed;
        selectedIndex.addListener((obs, old, now) -> {
            if (!loading) {
                showFields(names());
                changed.run();
            }
        });
    }

    /** Shows the task's cases; a new task starts at its first case and with empty scratch inputs. */
    void show(List<TestCase> taskCases, List<String> names, boolean newTask) {
        loading = true;
        try {
            if (newTask) {
                scratchValues.clear();
            }
            cases = List.copyOf(taskCases);
            List<String> labels = cases.stream().map(CaseInputs::label).toList();
            if (!labels.equals(caseLabels)) {
                caseLabels.setAll(labels);
            }
            int index = newTask ? 0 : Math.max(0, selectedIndex.get());
            selectedIndex.set(cases.isEmpty() ? -1 : Math.min(index, cases.size() - 1));
            scratch.set(cases.isEmpty());
            showFields(names);
        } finally {
            loading = false;
        }
    }

    private void showFields(List<String> names) {
        boolean wasLoading = loading;
        loading = true;
        try {
            Map<String, String> values = current().inputs();
            if (!names.equals(names())) {
                fields.setAll(names.stream()
                        .map(name -> new InputField(name, valueOf(values, name), this::fieldEdited))
                        .toList());
            } else {
                fields.forEach(field -> field.setValue(valueOf(values, field.getName())));
            }
            String wanted = current().expected();
            expected.set(wanted == null ? "" : wanted);
        } finally {
            loading = wasLoading;
        }
    }

    private static String valueOf(Map<String, String> values, String name) {
        String value = values.get(name);
        return value == null ? "" : value;
    }

    private void fieldEdited() {
        if (loading) {
            return;
        }
        TestCase base = current();
        Map<String, String> values = new LinkedHashMap<>(base.inputs());
        for (InputField field : fields) {
            if (values.containsKey(field.getName()) || !field.getValue().isEmpty()) {
                values.put(field.getName(), field.getValue());
            }
        }
        if (scratch.get()) {
            scratchValues.clear();
            scratchValues.putAll(values);
            changed.run();
        } else {
            writeCase.accept(selectedIndex.get(), base.withInputs(values));
        }
    }

    /** The case the preview renders: the selected one as the document has it, or the scratch inputs. */
    TestCase current() {
        int index = selectedIndex.get();
        if (index >= 0 && index < cases.size()) {
            return cases.get(index);
        }
        return new TestCase(null, scratchValues, null);
    }

    private List<String> names() {
        return fields.stream().map(InputField::getName).toList();
    }

    private static String label(TestCase testCase) {
        String first = testCase.inputs().values().stream().filter(v -> v != null && !v.isBlank())
                .findFirst().orElse("");
        String snippet = first.length() > LABEL_SNIPPET ? first.substring(0, LABEL_SNIPPET).strip() + "…" : first;
        String id = testCase.id() == null ? "" : testCase.id();
        return id.isEmpty() || snippet.isEmpty() ? id + snippet : id + " · " + snippet;
    }

    /** One label per case, for the case picker: the id and the start of its first input. */
    public ObservableList<String> getCaseLabels() {
        return readOnlyLabels;
    }

    /** The selected case's index in {@link #getCaseLabels()}; -1 when the task has no cases. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public int getSelectedIndex() {
        return selectedIndex.get();
    }

    public void select(int index) {
        selectedIndex.set(index);
    }

    /** One field per input variable, in the order the templates first use them. */
    public ObservableList<InputField> getFields() {
        return readOnlyFields;
    }

    /** The selected case's expected answer; empty when it has none or there are no cases. */
    public ReadOnlyStringProperty expectedProperty() {
        return expected.getReadOnlyProperty();
    }

    public String getExpected() {
        return expected.get();
    }

    /** True when the task has no test cases and the fields are scratch inputs that are not saved. */
    public ReadOnlyBooleanProperty scratchProperty() {
        return scratch.getReadOnlyProperty();
    }
}
