// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.compare.CompareViewModel;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.WorkspaceViewModel;
import dev.rationale.core.promptset.LoadedPromptSet;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The File menu's document actions: open a set (asked for, from the sidebar or the recent list), open a workspace
 * folder, save and save as, and the question before unsaved edits are lost. Files are read and written on the
 * background executor; the results come back on the FX executor, and the status line says what happened. Touch it
 * on the FX thread only.
 */
public final class DocumentActions {

    private final PromptSetDocument document;
    private final WorkspaceViewModel workspace;
    private final OutputViewModel output;
    private final CompareViewModel compare;
    private final RecoveryCopy recovery;
    private final StatusLine status;
    private final UserDialogs dialogs;
    private final Executor fx;
    private final Executor background;

    public DocumentActions(PromptSetDocument document, WorkspaceViewModel workspace, OutputViewModel output,
            CompareViewModel compare, RecoveryCopy recovery, ActionServices services) {
        this.document = document;
        this.workspace = workspace;
        this.output = output;
        this.compare = compare;
        this.recovery = recovery;
        this.status = services.status();
        this.dialogs = services.dialogs();
        this.fx = services.fx();
        this.background = services.background();
    }

    /** Asks for a prompt set and opens it. */
    public void open() {
        dialogs.choosePromptSetToOpen(workspace.getFolder()).ifPresent(this::open);
    }

    /** Opens {@code file} in place of the current set, after asking when that would lose unsaved edits. */
    public void open(Path file) {
        open(file, () -> { });
    }

    /** Opens {@code file} as {@link #open(Path)} does, then runs {@code then} on the FX thread once it is open. */
    void open(Path file, Runnable then) {
        if (!confirmDiscard("Open " + file.getFileName())) {
            return;
        }
        status.say("Opening " + file.getFileName() + "…");
        CompletableFuture.supplyAsync(() -> PromptSetFiles.loadWithWarnings(file), background)
                .whenCompleteAsync((loaded, error) -> {
                    if (opened(file, loaded, error)) {
                        then.run();
                    }
                }, fx);
    }

    private boolean opened(Path file, @Nullable LoadedPromptSet loaded, @Nullable Throwable error) {
        if (error != null || loaded == null) {
            status.say("");
            dialogs.showError("Cannot open " + file.getFileName(), Failures.messageOf(error));
            return false;
        }
        output.stop();
        compare.stopAll();
        compare.getColumns().clear();
        document.replace(loaded.promptSet(), file, false);
        workspace.opened(file);
        int warnings = loaded.warnings().size();
        status.say("Opened " + file.getFileName()
                + (warnings == 0 ? "." : " with " + warnings + (warnings == 1 ? " warning." : " warnings.")));
        return true;
    }

    /** Asks for a folder and shows its prompt sets in the sidebar. */
    public void openFolder() {
        dialogs.chooseFolder("Open workspace folder", workspace.getFolder()).ifPresent(workspace::openFolder);
    }

    /** Saves to the document's file, or asks where when it has none. */
    public void save() {
        Path file = document.getFile();
        if (file == null) {
            saveAs();
        } else {
            saveTo(file);
        }
    }

    /** Asks where to save, then saves there. */
    public void saveAs() {
        Path file = document.getFile();
        Path folder = file != null ? file.toAbsolutePath().getParent() : workspace.getFolder();
        String suggested = file != null ? String.valueOf(file.getFileName())
                : SuggestedFileNames.fileNameOf(document.displayName()) + ".rationale.json";
        dialogs.choosePromptSetToSave(folder, suggested).map(SuggestedFileNames::withPromptSetSuffix)
                .ifPresent(this::saveTo);
    }

    /** Writes the set to {@code file} off the FX thread. */
    public void saveTo(Path file) {
        PromptSet set = document.getPromptSet();
        CompletableFuture.runAsync(() -> PromptSetFiles.save(set, file), background)
                .whenCompleteAsync((ok, error) -> {
                    if (error != null) {
                        dialogs.showError("Cannot save " + file.getFileName(), Failures.messageOf(error));
                        return;
                    }
                    document.markSaved(file, set);
                    workspace.opened(file);
                    status.say("Saved " + file.getFileName() + ".");
                }, fx);
    }

    /**
     * Whether it is fine to drop the open set's unsaved edits for {@code action}: true when there are none or the
     * user agrees. Agreeing also drops the recovery copy, as the user chose to lose those edits.
     */
    public boolean confirmDiscard(String action) {
        if (!document.isDirty()) {
            return true;
        }
        boolean discard = dialogs.confirm(action + "?", "“" + document.displayName()
                + "” has unsaved edits. They will be lost.");
        if (discard) {
            recovery.discard();
        }
        return discard;
    }
}
