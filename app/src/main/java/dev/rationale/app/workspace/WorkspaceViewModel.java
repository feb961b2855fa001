// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.workspace;

import dev.rationale.core.workspace.PromptSetFolder;
import dev.rationale.core.workspace.WorkspaceState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The sidebar's state: the workspace folder with the prompt sets in it, and the recently opened files. The state
 * is read and written in the user's config folder on the background executor; lists change on the FX thread.
 * Touch it on the FX thread.
 */
public final class WorkspaceViewModel {

    private static final Logger LOG = System.getLogger(WorkspaceViewModel.class.getName());

    private final Path stateFile;
    private final Executor fx;
    private final Executor background;
    private final ReadOnlyObjectWrapper<@Nullable Path> folder = new ReadOnlyObjectWrapper<>(this, "folder");
    private final ObservableList<Path> folderFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnlyFolderFiles = FXCollections.unmodifiableObservableList(folderFiles);
    private final ObservableList<Path> readOnlyRecentFiles = FXCollections.unmodifiableObservableList(recentFiles);
    private final ReadOnlyStringWrapper folderMessage = new ReadOnlyStringWrapper(this, "folderMessage", "");
    private WorkspaceState state = WorkspaceState.empty();

    /** @param stateFile where the folder and recent files are remembered, e.g. {@code CONFIG/workspace.json} */
    public WorkspaceViewModel(Path stateFile, Executor fx, Executor background) {
        this.stateFile = stateFile;
        this.fx = fx;
        this.background = background;
    }

    /** Reads the remembered state off the FX thread; the future completes on the FX thread once it is shown. */
    public CompletableFuture<WorkspaceState> restore() {
        return CompletableFuture.supplyAsync(() -> WorkspaceState.load(stateFile), background)
                .thenApplyAsync(loaded -> {
                    state = loaded;
                    recentFiles.setAll(loaded.recentPaths());
                    Path remembered = loaded.folderPath();
                    if (remembered != null) {
                        showFolder(remembered);
                    }
                    return loaded;
                }, fx);
    }

    /** Makes {@code newFolder} the workspace folder and lists its prompt sets. */
    public void openFolder(Path newFolder) {
        state = state.inFolder(newFolder);
        persist();
        showFolder(state.folderPath());
    }

    /** Records that {@code file} was opened or saved: first among the recent files. */
    public void opened(Path file) {
        state = state.opened(file);
        recentFiles.setAll(state.recentPaths());
        persist();
        Path shown = folder.get();
        if (shown != null && file.toAbsolutePath().normalize().startsWith(shown)) {
            refresh();
        }
    }

    /** Lists the folder's prompt sets again, e.g. after a save added one. */
    public void refresh() {
        Path shown = folder.get();
        if (shown != null) {
            showFolder(shown);
        }
    }

    private void showFolder(@Nullable Path newFolder) {
        if (newFolder == null) {
            return;
        }
        folder.set(newFolder);
        CompletableFuture.supplyAsync(() -> {
            try {
                return PromptSetFolder.list(newFolder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, background).whenCompleteAsync((files, error) -> {
            if (!newFolder.equals(folder.get())) {
                return;
            }
            if (error != null) {
                folderFiles.clear();
                folderMessage.set("Cannot list " + newFolder + ".");
                return;
            }
            folderFiles.setAll(files);
            folderMessage.set(files.isEmpty() ? "No prompt sets in this folder." : "");
        }, fx);
    }

    private void persist() {
        WorkspaceState snapshot = state;
        background.execute(() -> {
            try {
                snapshot.save(stateFile);
            } catch (IOException e) {
                // Losing the recent-files list is an annoyance, not a failure worth interrupting the user for.
                LOG.log(Level.WARNING, "Could not remember the workspace in " + stateFile, e);
            }
        });
    }

    /** The workspace folder; null before one is chosen. */
    public ReadOnlyObjectProperty<@Nullable Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public @Nullable Path getFolder() {
        return folder.get();
    }

    /** The prompt sets in the folder, by name. */
    public ObservableList<Path> getFolderFiles() {
        return readOnlyFolderFiles;
    }

    /** The recently opened files, newest first. */
    public ObservableList<Path> getRecentFiles() {
        return readOnlyRecentFiles;
    }

    /** Why the folder list is empty; empty text when it is not. */
    public ReadOnlyStringProperty folderMessageProperty() {
        return folderMessage.getReadOnlyProperty();
    }
}
