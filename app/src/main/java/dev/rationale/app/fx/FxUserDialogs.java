// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** {@link UserDialogs} with JavaFX's native choosers and an alert, each modal to the window {@code owner} gives. */
public final class FxUserDialogs implements UserDialogs {

    private final Supplier<@Nullable Window> owner;

    /**
     * @param owner the window the dialogs belong to, looked up at each call because a dialog's own window only
     *     exists once it is shown
     */
    public FxUserDialogs(Supplier<@Nullable Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseModelFile(String title, @Nullable Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("GGUF models (*.gguf)", "*.gguf", "*.GGUF"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File initial = existingFolder(initialFolder);
        if (initial != null) {
            chooser.setInitialDirectory(initial);
        }
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFolder(String title, @Nullable Path initialFolder) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File initial = existingFolder(initialFolder);
        if (initial != null) {
            chooser.setInitialDirectory(initial);
        }
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> choosePromptSetToOpen(@Nullable Path initialFolder) {
        FileChooser chooser = promptSetChooser("Open prompt set", initialFolder);
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> choosePromptSetToSave(@Nullable Path initialFolder, String suggestedName) {
        FileChooser chooser = promptSetChooser("Save prompt set", initialFolder);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseExportFile(String title, @Nullable Path initialFolder, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        File initial = existingFolder(initialFolder);
        if (initial != null) {
            chooser.setInitialDirectory(initial);
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    private static FileChooser promptSetChooser(String title, @Nullable Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Prompt sets (*.rationale.json, *.rationale.yaml)",
                        "*.rationale.json", "*.rationale.yaml", "*.rationale.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File initial = existingFolder(initialFolder);
        if (initial != null) {
            chooser.setInitialDirectory(initial);
        }
        return chooser;
    }

    @Override
    public void showError(String title, String message) {
        themed(new Alert(Alert.AlertType.ERROR, message, ButtonType.OK), title).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        Alert alert = themed(new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL),
                title);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private Alert themed(Alert alert, String title) {
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Window parent = owner.get();
        if (parent != null && parent.getScene() != null) {
            // A dialog is its own scene; without the owner's stylesheets it would ignore the theme.
            alert.getDialogPane().getStylesheets().setAll(parent.getScene().getStylesheets());
        }
        return alert;
    }

    // The native choosers fail on a folder that does not exist; one stat of a local folder is the price.
    private static @Nullable File existingFolder(@Nullable Path folder) {
        return folder != null && Files.isDirectory(folder) ? folder.toFile() : null;
    }
}
