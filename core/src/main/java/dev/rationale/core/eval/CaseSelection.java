// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.promptset.Task;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which cases an evaluation runs: the task's own or a dataset file's, all or the first {@code limit}.
 *
 * @param dataset a dataset file (.csv, .jsonl or BIG-bench .json) whose cases replace the task's; null for the
 *     task's own
 * @param limit only the first this many cases; null for all
 * @throws IllegalArgumentException when {@code limit} is below 1
 */
public record CaseSelection(@Nullable Path dataset, @Nullable Integer limit) {

    /** The task's own cases, all of them. */
    public static final CaseSelection ALL = new CaseSelection(null, null);

    public CaseSelection {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("the case limit must be 1 or more, got " + limit);
        }
    }

    /**
     * The selected cases of {@code task}, in order; empty when the task or the file has none. Reads the dataset
     * file, if any, on the calling thread.
     *
     * @throws dev.rationale.core.dataset.DatasetException when the dataset file cannot be read or does not fit the task
     */
    public List<DatasetCase> cases(Task task) {
        List<DatasetCase> cases = dataset == null ? DatasetCase.ofAll(task.cases()) : Datasets.load(dataset, task);
        return limit == null || limit >= cases.size() ? cases : cases.subList(0, limit);
    }

    /** The scope a history run keeps so that it can be run again: this selection and the samples override. */
    public RunScope scope(@Nullable Integer samples) {
        return new RunScope(dataset == null ? null : dataset.toAbsolutePath().toString(), limit, samples);
    }
}
