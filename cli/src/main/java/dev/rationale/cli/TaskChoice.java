// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.RationaleException;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code --task ID} and {@code --variant ID}... as commands over one task read them, and where its history is. */
final class TaskChoice {
    private TaskChoice() {
    }

    /** The task named, or the set's first. */
    static Task task(PromptSet set, @Nullable String taskId, Path file) {
        if (taskId == null) {
            return set.tasks().getFirst();
        }
        return set.task(taskId).orElseThrow(() -> new RationaleException(
                "no task \"" + taskId + "\" in " + file.getFileName()));
    }

    /** The variants named, once each in the order given, or all the task's. */
    static List<Variant> variants(Task task, List<String> variantIds) {
        if (variantIds.isEmpty()) {
            return task.variants();
        }
        List<Variant> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(variantIds)) {
            chosen.add(task.variant(id).orElseThrow(() -> new RationaleException(
                    "no variant \"" + id + "\" in task \"" + task.id() + "\"")));
        }
        return chosen;
    }

    /** The workspace whose history a run of the set goes to: the folder the set's file is in. */
    static Path workspace(Path setFile) {
        Path parent = setFile.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }
}
