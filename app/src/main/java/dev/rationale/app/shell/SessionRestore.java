// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.SampleFolder;
import dev.rationale.app.workspace.WorkspaceViewModel;
import dev.rationale.core.workspace.PromptSetFolder;
import dev.rationale.core.workspace.RecoveryFile;
import dev.rationale.core.workspace.WorkspaceState;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Start-up: restores the last session — the workspace folder and recent files, unsaved edits left by a crash (after
 * asking), else the most recent file; on the very first start, the sample prompt sets. What the last session left is
 * read on the background executor; the choice is made on the FX executor.
 */
public final class SessionRestore {

    private static final Logger LOG = System.getLogger(SessionRestore.class.getName());

    private final PromptSetDocument document;
    private final WorkspaceViewModel workspace;
    private final RecoveryCopy recovery;
    private final DocumentActions documents;
    private final StatusLine status;
    private final UserDialogs dialogs;
    private final @Nullable Path samples;
    private final Path scratchFolder;
    private final Executor fx;
    private final Executor background;

    // What the last session left, read off the FX thread.
    private record StartPoint(Optional<RecoveryFile.Recovered> recovered, @Nullable String recoveryProblem,
            @Nullable Path fileToOpen, @Nullable Path samplesToShow) {
    }

    /**
     * @param samples the folder of sample prompt sets opened on first run; null when it cannot be found
     * @param scratchFolder the folder of a set never saved; read-only samples are copied beside it
     */
    public SessionRestore(PromptSetDocument document, WorkspaceViewModel workspace, RecoveryCopy recovery,
            DocumentActions documents, @Nullable Path samples, Path scratchFolder,
            ActionServices services) {
        this.document = document;
        this.workspace = workspace;
        this.recovery = recovery;
        this.documents = documents;
        this.status = services.status();
        this.dialogs = services.dialogs();
        this.samples = samples;
        this.scratchFolder = scratchFolder;
        this.fx = services.fx();
        this.background = services.background();
    }

    /** Restores the last session; completes on the FX thread once the document to show has been chosen. */
    public CompletableFuture<Void> start() {
        return workspace.restore()
                .thenCompose(state -> CompletableFuture.supplyAsync(() -> findStart(state), background))
                .thenAcceptAsync(this::startWith, fx)
                .exceptionally(error -> {
                    LOG.log(Level.WARNING, "Could not restore the last session", error);
                    return null;
                });
    }

    private StartPoint findStart(WorkspaceState state) {
        Optional<RecoveryFile.Recovered> recovered = Optional.empty();
        String problem = null;
        try {
            recovered = recovery.read();
        } catch (IOException | RuntimeException e) {
            problem = "Unsaved edits from the last session could not be read (" + e.getMessage()
                    + "). They are still in " + recovery.contentFile() + ".";
        }
        Path recent = state.recentPaths().stream().filter(Files::isRegularFile).findFirst().orElse(null);
        boolean firstStart = state.folder() == null && state.recent().isEmpty();
        // Only a first start shows the samples. Read-only ones (an installed image) are copied into the config
        // folder, beside the scratch folder, so that the user can save and evaluate them.
        Path shown = firstStart ? SampleFolder.usable(samples, scratchFolder.resolveSibling("sample-prompts")) : null;
        Path sampleFile = null;
        if (shown != null && Files.isDirectory(shown)) {
            sampleFile = firstSample(shown);
        }
        return new StartPoint(recovered, problem, recent != null ? recent : sampleFile, shown);
    }

    private static @Nullable Path firstSample(Path samples) {
        try {
            List<Path> files = PromptSetFolder.list(samples);
            return files.stream().filter(f -> PromptSetFolder.displayName(f).equals("arithmetic")).findFirst()
                    .orElse(files.isEmpty() ? null : files.getFirst());
        } catch (IOException e) {
            return null;
        }
    }

    private void startWith(StartPoint start) {
        if (start.samplesToShow() != null) {
            workspace.openFolder(start.samplesToShow());
        }
        if (start.recoveryProblem() != null) {
            dialogs.showError("Unsaved edits could not be restored", start.recoveryProblem());
        }
        if (start.recovered().isPresent()) {
            RecoveryFile.Recovered recovered = start.recovered().get();
            String name = recovered.original() == null ? "an untitled prompt set"
                    : String.valueOf(recovered.original().getFileName());
            if (dialogs.confirm("Restore unsaved edits?", "Rationale closed without saving your edits to " + name
                    + ". Restore them? They stay unsaved until you save.")) {
                document.replace(recovered.promptSet(), recovered.original(), true);
                status.say("Restored unsaved edits to " + name + ".");
                return;
            }
            recovery.delete();
        }
        if (start.fileToOpen() != null) {
            documents.open(start.fileToOpen());
        }
    }
}
