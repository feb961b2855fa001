// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.compose.ComposeViewModel;
import dev.rationale.app.history.RerunResolver;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.core.history.Run;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;

/**
 * History's Reopen: the prompt set a stored run ran, opened in Compose at the run's task and first variant. The file
 * is looked for off the FX thread, as a rerun looks for it; touch it on the FX thread only.
 */
public final class RunReopener {

    private final PromptSetDocument document;
    private final ComposeViewModel compose;
    private final DocumentActions documents;
    private final ShownHistory history;
    private final ObjectProperty<CentreTab> selectedTab;
    private final StatusLine status;
    private final Executor fx;
    private final Executor background;

    public RunReopener(PromptSetDocument document, ComposeViewModel compose, DocumentActions documents,
            ShownHistory history, ObjectProperty<CentreTab> selectedTab, ActionServices services) {
        this.document = document;
        this.compose = compose;
        this.documents = documents;
        this.history = history;
        this.selectedTab = selectedTab;
        this.status = services.status();
        this.fx = services.fx();
        this.background = services.background();
    }

    /**
     * Reopens the prompt set {@code run} ran, in Compose at the run's task and first variant; when the set is
     * already open only the task is picked. The status says when the file is gone.
     */
    public void reopen(Run run) {
        String stored = run.promptSetFile();
        Path folder = history.folder();
        if (stored == null) {
            status.say("This run's prompt set was never saved: there is no file to reopen.");
            return;
        }
        // Found as a rerun finds it, so that Reopen and Rerun agree on whether the file is still there.
        Path workspace = folder == null ? Path.of("") : folder;
        CompletableFuture.supplyAsync(() -> RerunResolver.existing(workspace, stored), background)
                .thenAcceptAsync(found -> {
                    if (found.isEmpty()) {
                        status.say("Cannot reopen: " + workspace.resolve(stored) + " is no longer there.");
                    } else if (document.getFile() != null && samePath(document.getFile(), found.get())) {
                        showRunIn(run, found.get());
                    } else {
                        documents.open(found.get(), () -> showRunIn(run, found.get()));
                    }
                }, fx);
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private void showRunIn(Run run, Path file) {
        selectedTab.set(CentreTab.COMPOSE);
        String task = run.task();
        if (task == null || !compose.getTaskIds().contains(task)) {
            status.say("Reopened " + file.getFileName() + (task == null ? "." : "; it has no task " + task
                    + " any more."));
            return;
        }
        compose.selectTask(task);
        run.variants().stream().filter(compose.getVariantIds()::contains).findFirst()
                .ifPresent(compose::selectVariant);
        status.say("Reopened " + file.getFileName() + " at task " + task + ".");
    }
}
