// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Answers a view model's questions from what the test set up, and records what was asked. */
public final class ScriptedDialogs implements UserDialogs {

    private @Nullable Path file;
    private @Nullable Path folder;
    private boolean confirm = true;
    private final List<String> asked = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    public ScriptedDialogs answerFile(@Nullable Path chosen) {
        this.file = chosen;
        return this;
    }

    public ScriptedDialogs answerFolder(@Nullable Path chosen) {
        this.folder = chosen;
        return this;
    }

    public ScriptedDialogs answerConfirm(boolean answer) {
        this.confirm = answer;
        return this;
    }

    /** The titles of the dialogs asked so far, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Optional<Path> chooseModelFile(String title, @Nullable Path initialFolder) {
        asked.add(title);
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseFolder(String title, @Nullable Path initialFolder) {
        asked.add(title);
        return Optional.ofNullable(folder);
    }

    @Override
    public Optional<Path> choosePromptSetToOpen(@Nullable Path initialFolder) {
        asked.add("Open prompt set");
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> choosePromptSetToSave(@Nullable Path initialFolder, String suggestedName) {
        asked.add("Save prompt set");
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseExportFile(String title, @Nullable Path initialFolder, String suggestedName) {
        asked.add(title + " [" + suggestedName + "]");
        return Optional.ofNullable(file);
    }

    @Override
    public void showError(String title, String message) {
        asked.add(title);
        errors.add(message);
    }

    /** The messages of the errors shown so far, in order. */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public boolean confirm(String title, String message) {
        asked.add(title);
        return confirm;
    }
}
