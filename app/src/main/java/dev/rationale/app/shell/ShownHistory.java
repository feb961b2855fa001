// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.history.HistoryPlace;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Which history the History tab shows: where the open set's runs are kept (a set never saved keeps them in the
 * scratch folder); with no set to run, the workspace folder's.
 */
public final class ShownHistory {

    private final PromptSetDocument document;
    private final WorkspaceViewModel workspace;
    private final Path scratchFolder;

    public ShownHistory(PromptSetDocument document, WorkspaceViewModel workspace, Path scratchFolder) {
        this.document = document;
        this.workspace = workspace;
        this.scratchFolder = scratchFolder;
    }

    /** Where runs of the open set are kept now. */
    public HistoryPlace place() {
        return HistoryPlace.of(document.getFile(), scratchFolder);
    }

    /** The folder whose history is shown; null when there is none. */
    public @Nullable Path folder() {
        if (document.getFile() == null && document.getPromptSet().tasks().isEmpty()) {
            return workspace.getFolder();
        }
        return place().folder();
    }
}
