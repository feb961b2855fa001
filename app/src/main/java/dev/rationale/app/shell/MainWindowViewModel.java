// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.compare.CompareViewModel;
import dev.rationale.app.compose.ComposeViewModel;
import dev.rationale.app.evaluate.EvaluateViewModel;
import dev.rationale.app.history.HistoryViewModel;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.WorkspaceViewModel;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's view model: the one open prompt set, the view models of the screens that work on it (Compose,
 * the run settings, Output, Compare, Evaluate, History and the workspace sidebar), the tab the centre shows, the
 * window title, and the actions of the menus, each its own object. Built by the composition root; touch it on the
 * FX thread only.
 */
public final class MainWindowViewModel {

    private final PromptSetDocument document;
    private final Screens screens;
    private final Actions actions;
    private final ObjectProperty<CentreTab> selectedTab;
    private final ObservableList<Variant> taskVariants = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");

    /** The view models of the main window's screens. */
    public record Screens(ComposeViewModel compose, RunSettingsViewModel runSettings, OutputViewModel output,
            CompareViewModel compare, EvaluateViewModel evaluate, HistoryViewModel history,
            WorkspaceViewModel workspace) {
    }

    /** The main window's actions and the status line they report to. */
    public record Actions(DocumentActions documents, SetExporter exporter, RunCoordinator runs, RunReopener reopener,
            SessionRestore session, RecoveryCopy recovery, StatusLine status) {
    }

    public MainWindowViewModel(PromptSetDocument document, Screens screens, Actions actions,
            ObjectProperty<CentreTab> selectedTab) {
        this.document = document;
        this.screens = screens;
        this.actions = actions;
        this.selectedTab = selectedTab;
        initListeners();
        updateTitle();
    }

    private void initListeners() {
        document.promptSetProperty().addListener((obs, old, now) -> {
            showTaskVariants();
            updateTitle();
        });
        document.dirtyProperty().addListener((obs, was, dirty) -> updateTitle());
        document.fileProperty().addListener((obs, old, now) -> updateTitle());
        screens.compose().selectedTaskProperty().addListener((obs, old, now) -> showTaskVariants());
        RunSettingsViewModel settings = screens.runSettings();
        settings.endpointProperty().addListener((obs, old, now) -> modelChanged());
        settings.modelProperty().addListener((obs, old, now) -> modelChanged());
        settings.chatLayoutProperty().addListener((obs, old, now) -> modelChanged());
        settings.thinkingProperty().addListener((obs, old, now) -> modelChanged());
    }

    // The preview counts and shapes the prompt as the run bar's backend will get it.
    private void modelChanged() {
        screens.compose().getPreview().counterProperty().set(screens.runSettings().tokenCounter());
        screens.compose().getPreview().shapingProperty().set(screens.runSettings().promptShaping());
    }

    // Read by the selected id from the document: while another set opens, the selection changes before Compose
    // shows the new task, and the task Compose still shows may not be in the new set.
    private void showTaskVariants() {
        String selected = screens.compose().selectedTaskProperty().get();
        List<Variant> variants = selected == null ? List.of()
                : document.getPromptSet().task(selected).map(Task::variants).orElse(List.of());
        if (!variants.equals(taskVariants)) {
            taskVariants.setAll(variants);
        }
    }

    private void updateTitle() {
        title.set(document.displayName() + (document.isDirty() ? " •" : "") + " — Rationale");
    }

    /** Stops runs and pending work; the recovery copy stays when there are unsaved edits. */
    public void dispose() {
        actions.runs().stop();
        screens.compose().dispose();
        actions.recovery().dispose();
    }

    public PromptSetDocument getDocument() {
        return document;
    }

    public ComposeViewModel getCompose() {
        return screens.compose();
    }

    public OutputViewModel getOutput() {
        return screens.output();
    }

    public CompareViewModel getCompare() {
        return screens.compare();
    }

    public EvaluateViewModel getEvaluate() {
        return screens.evaluate();
    }

    public HistoryViewModel getHistory() {
        return screens.history();
    }

    public RunSettingsViewModel getRunSettings() {
        return screens.runSettings();
    }

    public WorkspaceViewModel getWorkspace() {
        return screens.workspace();
    }

    /** Open, open folder, save, save as, and the question before unsaved edits are lost. */
    public DocumentActions getDocuments() {
        return actions.documents();
    }

    /** File &gt; Export. */
    public SetExporter getExporter() {
        return actions.exporter();
    }

    /** Run, compare, stop, evaluate, rerun, branch, and finished completions shown again. */
    public RunCoordinator getRuns() {
        return actions.runs();
    }

    /** History's Reopen. */
    public RunReopener getReopener() {
        return actions.reopener();
    }

    /** Start-up: the last session restored. */
    public SessionRestore getSession() {
        return actions.session();
    }

    /** The status bar's line and the last action's message. */
    public StatusLine getStatusLine() {
        return actions.status();
    }

    /** The variants of the task Compose shows, for Compare's pickers. */
    public ObservableList<Variant> getTaskVariants() {
        return taskVariants;
    }

    /** The tab the centre shows; actions switch it (Run to Output, a branch to Compare). */
    public ObjectProperty<CentreTab> selectedTabProperty() {
        return selectedTab;
    }

    /** The window title: the set's name, a dot when it has unsaved edits. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
