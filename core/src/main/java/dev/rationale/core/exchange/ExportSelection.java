// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.RationaleException;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which part of a set to export: one task or all of them, and some of their variants or all of them.
 *
 * @param taskId the task to keep; null keeps every task
 * @param variantIds the variants to keep, in the set's order; empty keeps every variant
 */
public record ExportSelection(@Nullable String taskId, List<String> variantIds) {
    public static final ExportSelection ALL = new ExportSelection(null, List.of());

    public ExportSelection {
        variantIds = List.copyOf(variantIds);
    }

    /**
     * The set cut down to the selection; the rest of the set (name, defaults, targets) is kept as it is.
     *
     * @throws RationaleException naming what is missing when the task or a variant does not exist
     */
    public PromptSet apply(PromptSet set) {
        List<Task> tasks = taskId == null ? set.tasks() : List.of(set.task(taskId).orElseThrow(() ->
                new RationaleException("no task \"" + taskId + "\" in the set; it has " + taskIds(set))));
        if (variantIds.isEmpty()) {
            return withTasks(set, tasks);
        }
        List<Task> kept = new ArrayList<>();
        for (Task task : tasks) {
            List<Variant> variants = task.variants().stream().filter(v -> variantIds.contains(v.id())).toList();
            if (!variants.isEmpty()) {
                kept.add(task.withVariants(variants));
            }
        }
        for (String id : variantIds) {
            if (kept.stream().noneMatch(t -> t.variant(id).isPresent())) {
                throw new RationaleException("no variant \"" + id + "\" in " + (taskId == null ? "the set"
                        : "task \"" + taskId + "\""));
            }
        }
        return withTasks(set, kept);
    }

    private static PromptSet withTasks(PromptSet set, List<Task> tasks) {
        return new PromptSet(set.format(), set.version(), set.name(), set.description(), set.defaults(),
                set.targets(), tasks);
    }

    private static String taskIds(PromptSet set) {
        return String.join(", ", set.tasks().stream().map(t -> "\"" + t.id() + "\"").toList());
    }
}
