// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TaskInputs;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads dataset files: CSV, JSON Lines and BIG-bench task JSON ({@code docs/datasets.md}). Reading is all or
 * nothing: the first problem found throws a {@link DatasetException} naming the file, the line and what is wrong.
 *
 * <p>Methods block on file I/O; call them off the UI thread. They keep no state and are thread-safe.
 */
public final class Datasets {
    private Datasets() {
    }

    /**
     * Reads a file in the format its extension names: {@code .csv}, {@code .jsonl}, or {@code .json} for a
     * BIG-bench task.
     *
     * @throws DatasetException when the file cannot be read, has another extension, or has any problem
     */
    public static Dataset read(Path file) {
        return read(file, DatasetFormat.of(file));
    }

    /**
     * Reads a file in the given format, whatever its name.
     *
     * @throws DatasetException when the file cannot be read or has any problem
     */
    public static Dataset read(Path file, DatasetFormat format) {
        String source = file.toString();
        if (format == DatasetFormat.JSONL) {
            try (Reader text = DatasetText.open(file)) {
                return JsonlDatasetReader.read(text, source);
            } catch (IOException e) {
                throw DatasetException.of(source, "cannot read: " + e.getMessage(), e);
            }
        }
        if (format == DatasetFormat.CSV) {
            return CsvDatasetReader.read(() -> DatasetText.open(file), source);
        }
        return BigBenchReader.read(DatasetText.read(file), source);
    }

    /**
     * The cases of a dataset file ready to run against {@code task}: each case's inputs are the task's input
     * variables, filled from the file's columns as {@link #mapOnto} describes; columns the task does not use are
     * left out.
     *
     * @throws DatasetException when the file has any problem or cannot fill every input of the task
     */
    public static List<DatasetCase> load(Path file, Task task) {
        return load(file, task, Map.of());
    }

    /**
     * As {@link #load(Path, Task)}, with some columns mapped onto input variables by name.
     *
     * @param columnToVariable column name to the task's input variable it fills
     */
    public static List<DatasetCase> load(Path file, Task task, Map<String, String> columnToVariable) {
        return mapOnto(read(file), task, columnToVariable);
    }

    /**
     * The dataset's cases with inputs renamed to {@code task}'s input variables. Each variable takes the column
     * {@code columnToVariable} maps onto it, else the column of its own name, else, when exactly one variable and
     * one column remain, that column.
     *
     * @throws DatasetException when a variable finds no column, or the map names a column or variable that does
     *     not exist
     */
    public static List<DatasetCase> mapOnto(Dataset dataset, Task task, Map<String, String> columnToVariable) {
        return mapping(dataset, task, columnToVariable).apply(dataset.cases());
    }

    static InputMapping mapping(Dataset dataset, Task task, Map<String, String> columnToVariable) {
        return InputMapping.of(dataset, TaskInputs.of(task), columnToVariable, String.valueOf(task.id()));
    }
}
