// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import dev.rationale.core.RationaleException;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.InvalidPromptSetException;
import dev.rationale.core.promptset.Problem;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Dataset} into prompt-set content: a new set with one task, or the cases of an existing set's task.
 * Every result has passed the prompt-set validator, so saving it gives a file that loads. Pure functions of their
 * arguments; thread-safe.
 */
public final class PromptSetImport {
    private PromptSetImport() {
    }

    /**
     * A new prompt set with one task holding the dataset's cases. A BIG-bench dataset gives a task in BIG-bench's
     * prompt layout whose first {@code shots} examples become exemplars (when more examples remain), with a 0-shot
     * and a few-shot variant; a CSV or JSON Lines dataset gives a task with a direct and a zero-shot
     * chain-of-thought variant.
     *
     * @param taskId the new task's id, or null to derive it from the BIG-bench name or the file name
     * @param shots how many BIG-bench examples to hold out as exemplars; ignored for other formats
     * @throws DatasetException when the dataset cannot make a valid task (e.g. a column name that cannot be a
     *     template variable)
     */
    public static ImportResult newSet(Dataset dataset, @Nullable String taskId, int shots) {
        if (shots < 0) {
            throw new IllegalArgumentException("shots must be 0 or more, got " + shots);
        }
        BigBenchSettings bigBench = dataset.bigBench();
        String stem = TaskIds.stem(dataset.source());
        String name = bigBench != null && bigBench.name() != null ? bigBench.name() : stem;
        String id = taskId != null ? taskId : TaskIds.from(name);
        Task task = bigBench != null
                ? BigBenchTasks.create(dataset, bigBench, id, shots)
                : TableTasks.create(dataset, id);
        GenerationSettings defaults = bigBench == null || bigBench.stopString() == null ? null
                : new GenerationSettings(null, null, null, List.of(bigBench.stopString()), null, null);
        PromptSet set = new PromptSet(PromptSet.FORMAT, PromptSet.CURRENT_VERSION, name,
                "Imported from " + TaskIds.fileName(dataset.source()) + ".", defaults, List.of(), List.of(task));
        return new ImportResult(validated(set, dataset), id, task.cases().size(), task.exemplars().size(), List.of(),
                dataset.casesWithSeveralAnswers());
    }

    /**
     * {@code set} with the dataset's cases put into task {@code taskId}, their inputs mapped onto the task's input
     * variables as {@link Datasets#mapOnto} describes.
     *
     * @param columnToVariable column name to the input variable it fills; may be empty
     * @throws RationaleException when the set has no such task
     * @throws DatasetException when the columns cannot fill the task's inputs, or (appending) an imported id is
     *     already used by one of the task's cases
     */
    public static ImportResult intoTask(PromptSet set, String taskId, Dataset dataset,
            Map<String, String> columnToVariable, ImportMode mode) {
        Task task = set.task(taskId).orElseThrow(() -> new RationaleException("the prompt set has no task \""
                + taskId + "\" (tasks: " + String.join(", ", set.tasks().stream()
                        .map(t -> String.valueOf(t.id())).toList()) + ")"));
        InputMapping mapping = Datasets.mapping(dataset, task, columnToVariable);
        List<DatasetCase> imported = mapping.apply(dataset.cases());
        List<TestCase> cases = new ArrayList<>();
        if (mode == ImportMode.APPEND) {
            cases.addAll(task.cases());
            checkFreeIds(task, imported, dataset.source());
        }
        imported.forEach(c -> cases.add(c.testCase()));
        List<Task> tasks = set.tasks().stream().map(t -> t == task ? t.withCases(cases) : t).toList();
        PromptSet updated = new PromptSet(set.format(), set.version(), set.name(), set.description(),
                set.defaults(), set.targets(), tasks);
        return new ImportResult(validated(updated, dataset), taskId, imported.size(), 0, mapping.ignoredColumns(),
                dataset.casesWithSeveralAnswers());
    }

    private static void checkFreeIds(Task task, List<DatasetCase> imported, String source) {
        Set<String> taken = new HashSet<>();
        task.cases().stream().map(TestCase::id).filter(Objects::nonNull).forEach(taken::add);
        for (DatasetCase c : imported) {
            String id = c.testCase().id();
            if (id != null && taken.contains(id)) {
                throw DatasetException.at(source, c.line(), "id \"" + id + "\" is already used by a case of task \""
                        + task.id() + "\"; choose another id or replace the task's cases");
            }
        }
    }

    // Round-trips through the file text so the result is checked by exactly the rules that will load it later.
    private static PromptSet validated(PromptSet set, Dataset dataset) {
        try {
            return PromptSetFiles.fromJson(PromptSetFiles.toJson(set), dataset.source());
        } catch (InvalidPromptSetException e) {
            Problem first = e.problems().getFirst();
            throw DatasetException.of(dataset.source(), "the imported prompt set would not be valid: "
                    + (first.field().isEmpty() ? "" : first.field() + ": ") + first.message());
        }
    }
}
