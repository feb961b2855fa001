// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The file a user saves and shares: tasks with their variants, exemplars and test cases, plus default
 * generation settings and suggested model targets.
 *
 * @param format always {@link #FORMAT}; anything else is not a prompt set
 * @param version the schema version the file was written in
 */
@JsonPropertyOrder({"format", "version", "name", "description", "defaults", "targets", "tasks"})
public record PromptSet(
        @Nullable String format,
        @Nullable Integer version,
        @Nullable String name,
        @Nullable String description,
        @Nullable GenerationSettings defaults,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ModelTarget> targets,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Task> tasks) {

    public static final String FORMAT = "rationale-prompt-set";
    public static final int CURRENT_VERSION = 1;

    public PromptSet {
        targets = Lists.copyOf(targets);
        tasks = Lists.copyOf(tasks);
    }

    /** A new, current-version prompt set. */
    public static PromptSet of(String name, List<Task> tasks) {
        return new PromptSet(FORMAT, CURRENT_VERSION, name, null, null, List.of(), tasks);
    }

    public Optional<Task> task(String id) {
        return tasks.stream().filter(t -> id.equals(t.id())).findFirst();
    }

    public GenerationSettings effectiveDefaults() {
        return defaults == null ? GenerationSettings.NONE : defaults;
    }
}
