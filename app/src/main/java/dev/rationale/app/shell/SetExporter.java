// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.compose.ComposeViewModel;
import dev.rationale.app.exchange.SetExport;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.WorkspaceViewModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.workspace.PromptSetFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * File &gt; Export: asks where, then writes the open set (as edited, saved or not) in a {@link SetExport} format on
 * the background executor, with the run bar's endpoint and model. The status line says where it went and what the
 * format could not carry. Touch it on the FX thread only.
 */
public final class SetExporter {

    private final PromptSetDocument document;
    private final ComposeViewModel compose;
    private final RunSettingsViewModel settings;
    private final WorkspaceViewModel workspace;
    private final StatusLine status;
    private final UserDialogs dialogs;
    private final Executor fx;
    private final Executor background;

    public SetExporter(PromptSetDocument document, ComposeViewModel compose, RunSettingsViewModel settings,
            WorkspaceViewModel workspace, ActionServices services) {
        this.document = document;
        this.compose = compose;
        this.settings = settings;
        this.workspace = workspace;
        this.status = services.status();
        this.dialogs = services.dialogs();
        this.fx = services.fx();
        this.background = services.background();
    }

    /** Asks where, then writes the open set in {@code kind}'s format off the FX thread. */
    public void export(SetExport kind) {
        if (!compose.hasTaskProperty().get()) {
            status.say("Nothing to export: the prompt set has no task.");
            return;
        }
        Path file = document.getFile();
        Path folder = file != null ? file.toAbsolutePath().getParent() : workspace.getFolder();
        // Named after the file the set came from, so "mine.rationale.json" exports as "mine.md".
        String base = file != null ? PromptSetFolder.displayName(file)
                : SuggestedFileNames.fileNameOf(document.displayName());
        Optional<Path> chosen = dialogs.chooseExportFile("Export " + kind.label().replace("…", ""), folder,
                kind.suggestedName(base));
        if (chosen.isEmpty()) {
            return;
        }
        Path out = chosen.get();
        PromptSet set = document.getPromptSet();
        Task task = compose.currentTask();
        Endpoint endpoint = settings.endpointProperty().get();
        String model = String.valueOf(settings.modelProperty().get()).strip();
        CompletableFuture.supplyAsync(() -> kind.write(set, task, endpoint, model, out), background)
                .whenCompleteAsync((notCarried, error) -> {
                    if (error != null) {
                        dialogs.showError("Cannot export " + out.getFileName(), Failures.messageOf(error));
                    } else {
                        status.say("Exported " + out.getFileName() + "." + notCarriedText(notCarried));
                    }
                }, fx);
    }

    // The status bar is one line: the first thing left out, and how many more (the CLI lists them all).
    private static String notCarriedText(List<String> notCarried) {
        if (notCarried.isEmpty()) {
            return "";
        }
        String more = notCarried.size() > 1 ? " (and " + (notCarried.size() - 1) + " more)" : "";
        return " Not exported: " + notCarried.getFirst() + more;
    }
}
