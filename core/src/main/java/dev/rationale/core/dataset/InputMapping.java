// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which dataset column feeds which input variable of a task. Each variable takes, in this order: the column the
 * caller names for it; a column of the same name; or, when exactly one variable and one column are left over,
 * that column (so a file's {@code input} column fills a task's {@code question}). Columns no variable takes are
 * left out of the cases and listed by {@link #ignoredColumns()}.
 */
final class InputMapping {
    private final Map<String, String> columnOf;
    private final List<String> ignored;

    private InputMapping(Map<String, String> columnOf, List<String> ignored) {
        this.columnOf = columnOf;
        this.ignored = ignored;
    }

    /**
     * Maps the dataset's columns onto {@code variables}.
     *
     * @param explicit column name to variable name, as the user gave them; may be empty
     * @param taskId the task's id, for messages
     * @throws DatasetException when a named column or variable does not exist, or a variable finds no column
     */
    static InputMapping of(Dataset dataset, List<String> variables, Map<String, String> explicit, String taskId) {
        Map<String, String> columnOf = new LinkedHashMap<>();
        List<String> columns = dataset.inputNames();
        explicit.forEach((column, variable) -> {
            if (!columns.contains(column)) {
                throw DatasetException.of(dataset.source(), "has no column \"" + column + "\" to map onto \""
                        + variable + "\" (columns: " + String.join(", ", columns) + ")");
            }
            if (!variables.contains(variable)) {
                throw DatasetException.of(dataset.source(), "cannot map \"" + column + "\": task \"" + taskId
                        + "\" has no input \"" + variable + "\" (inputs: " + String.join(", ", variables) + ")");
            }
            columnOf.put(variable, column);
        });
        variables.stream().filter(v -> !columnOf.containsKey(v) && columns.contains(v)
                && !columnOf.containsValue(v)).forEach(v -> columnOf.put(v, v));
        List<String> openVariables = variables.stream().filter(v -> !columnOf.containsKey(v)).toList();
        List<String> openColumns = columns.stream().filter(c -> !columnOf.containsValue(c)).toList();
        if (openVariables.size() == 1 && openColumns.size() == 1) {
            columnOf.put(openVariables.getFirst(), openColumns.getFirst());
        } else if (!openVariables.isEmpty()) {
            throw DatasetException.of(dataset.source(), "task \"" + taskId + "\" needs input \""
                    + openVariables.getFirst() + "\", and no column of that name is left to fill it (columns: "
                    + String.join(", ", columns) + "); map a column onto it");
        }
        List<String> ignored = new ArrayList<>(columns);
        ignored.removeAll(columnOf.values());
        Map<String, String> inTaskOrder = new LinkedHashMap<>();
        variables.forEach(v -> inTaskOrder.put(v, columnOf.get(v)));
        return new InputMapping(inTaskOrder, List.copyOf(ignored));
    }

    /** The dataset's columns that feed no input variable. */
    List<String> ignoredColumns() {
        return ignored;
    }

    /** The case with its inputs renamed to the task's variables, in the task's order. */
    DatasetCase apply(DatasetCase source) {
        Map<String, String> inputs = new LinkedHashMap<>();
        columnOf.forEach((variable, column) -> inputs.put(variable, source.testCase().inputs().get(column)));
        return source.withInputs(inputs);
    }

    List<DatasetCase> apply(List<DatasetCase> cases) {
        DatasetCaseList.Builder mapped = new DatasetCaseList.Builder();
        cases.forEach(c -> mapped.add(apply(c)));
        return mapped.build();
    }
}
