// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.workspace;

import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.jspecify.annotations.Nullable;

/**
 * The open prompt set: its current content (an immutable {@link PromptSet}, replaced on every edit), the file it
 * came from, and whether it has edits not yet saved. Views edit through {@link #edit} and {@link #editTask}, so
 * every change marks the document dirty and notifies listeners of {@link #promptSetProperty()}. Touch it on the FX
 * thread only.
 */
public final class PromptSetDocument {

    private final ReadOnlyObjectWrapper<PromptSet> promptSet;
    private final ReadOnlyObjectWrapper<@Nullable Path> file;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    /** @param file where the set was loaded from, or null for a set never saved */
    public PromptSetDocument(PromptSet promptSet, @Nullable Path file) {
        this.promptSet = new ReadOnlyObjectWrapper<>(this, "promptSet", Objects.requireNonNull(promptSet));
        this.file = new ReadOnlyObjectWrapper<>(this, "file", file);
    }

    /** Replaces the content with {@code change} applied to it; marks the document dirty when it changed. */
    public void edit(UnaryOperator<PromptSet> change) {
        PromptSet before = promptSet.get();
        PromptSet after = Objects.requireNonNull(change.apply(before));
        if (!after.equals(before)) {
            promptSet.set(after);
            dirty.set(true);
        }
    }

    /** Edits the task with id {@code taskId}; does nothing when there is none. */
    public void editTask(String taskId, UnaryOperator<Task> change) {
        edit(set -> {
            boolean found = set.tasks().stream().anyMatch(t -> taskId.equals(t.id()));
            if (!found) {
                return set;
            }
            return new PromptSet(set.format(), set.version(), set.name(), set.description(), set.defaults(),
                    set.targets(), set.tasks().stream().map(t -> taskId.equals(t.id()) ? change.apply(t) : t)
                            .toList());
        });
    }

    /**
     * Replaces the whole document, as opening a file does: new content, new file, and whether it starts dirty
     * (true for edits recovered after a crash, which are not on disk yet).
     */
    public void replace(PromptSet newContent, @Nullable Path newFile, boolean unsaved) {
        promptSet.set(Objects.requireNonNull(newContent));
        file.set(newFile);
        dirty.set(unsaved);
    }

    /** Records that the content is now on disk at {@code savedTo}. */
    public void markSaved(Path savedTo, PromptSet saved) {
        file.set(savedTo);
        dirty.set(!saved.equals(promptSet.get()));
    }

    public ReadOnlyObjectProperty<PromptSet> promptSetProperty() {
        return promptSet.getReadOnlyProperty();
    }

    public PromptSet getPromptSet() {
        return promptSet.get();
    }

    /** The file it was loaded from or last saved to; null for a set never saved. */
    public ReadOnlyObjectProperty<@Nullable Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public @Nullable Path getFile() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The name to show: the set's own name, else the file name, else "Untitled". */
    public String displayName() {
        PromptSet set = promptSet.get();
        if (set.name() != null && !set.name().isBlank()) {
            return set.name();
        }
        Path path = file.get();
        return path == null ? "Untitled" : String.valueOf(path.getFileName());
    }
}
