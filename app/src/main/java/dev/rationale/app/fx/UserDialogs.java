// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The small modal questions a view model asks the user: pick a file or a folder, confirm a destructive step. View
 * models get it through their constructor, so tests answer with a lambda instead of opening windows; the app uses
 * {@link FxUserDialogs}. Called on the FX thread; each method returns when the user has answered.
 */
public interface UserDialogs {

    /**
     * Lets the user pick a GGUF model file.
     *
     * @param initialFolder where the chooser opens; null or a missing folder for the platform's default
     * @return the chosen file, empty when the user cancelled
     */
    Optional<Path> chooseModelFile(String title, @Nullable Path initialFolder);

    /** Lets the user pick a folder; empty when cancelled. */
    Optional<Path> chooseFolder(String title, @Nullable Path initialFolder);

    /** Lets the user pick a prompt-set file to open; empty when cancelled. */
    Optional<Path> choosePromptSetToOpen(@Nullable Path initialFolder);

    /** Lets the user pick where to save a prompt set, suggesting {@code suggestedName}; empty when cancelled. */
    Optional<Path> choosePromptSetToSave(@Nullable Path initialFolder, String suggestedName);

    /** Tells the user that something they asked for failed, and why; returns once they have read it. */
    /** Where to write an export; {@code suggestedName} carries the format's extension. Empty when cancelled. */
    Optional<Path> chooseExportFile(String title, @Nullable Path initialFolder, String suggestedName);

    void showError(String title, String message);

    /** Asks a yes/no question; true only when the user confirmed. */
    boolean confirm(String title, String message);
}
