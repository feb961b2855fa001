// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.compare.CompareColumn;
import dev.rationale.app.compare.CompareViewModel;
import dev.rationale.app.compose.ComposeViewModel;
import dev.rationale.app.evaluate.EvaluateViewModel;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.history.RerunRequest;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunSpec;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.jspecify.annotations.Nullable;

/**
 * The Run menu and what starts a completion: Run into Output, Run all in Compare, Stop, an evaluation or its rerun,
 * a branch from an Output token, and finished completions shown again. Each action shows the tab it works on.
 * Planning a run may load a provider's library, so it runs on the background executor. Touch it on the FX thread.
 */
public final class RunCoordinator {

    private final PromptSetDocument document;
    private final ComposeViewModel compose;
    private final RunSettingsViewModel settings;
    private final RunPlanner planner;
    private final OutputViewModel output;
    private final CompareViewModel compare;
    private final EvaluateViewModel evaluate;
    private final ObjectProperty<CentreTab> selectedTab;
    private final StatusLine status;
    private final Executor fx;
    private final Executor background;

    /** The view models a run works on. */
    public record Screens(ComposeViewModel compose, RunSettingsViewModel settings, OutputViewModel output,
            CompareViewModel compare, EvaluateViewModel evaluate) {
    }

    public RunCoordinator(PromptSetDocument document, Screens screens, RunPlanner planner,
            ObjectProperty<CentreTab> selectedTab, ActionServices services) {
        this.document = document;
        this.compose = screens.compose();
        this.settings = screens.settings();
        this.planner = planner;
        this.output = screens.output();
        this.compare = screens.compare();
        this.evaluate = screens.evaluate();
        this.selectedTab = selectedTab;
        this.status = services.status();
        this.fx = services.fx();
        this.background = services.background();
    }

    /** Ctrl+Enter: on the Compare tab runs every column; elsewhere runs the composed prompt into Output. */
    public void run() {
        if (selectedTab.get() == CentreTab.COMPARE) {
            runCompare();
        } else if (selectedTab.get() == CentreTab.EVALUATE) {
            if (compose.hasTaskProperty().get()) {
                evaluate.start(evaluateSetup(compose.currentTask().variants()), false);
            }
        } else {
            runOutput();
        }
    }

    /** Runs the current variant on the current case with the run settings, into the Output tab. */
    public void runOutput() {
        if (status.isPlanning() || output.getState().isRunning()) {
            return;
        }
        selectedTab.set(CentreTab.OUTPUT);
        String problem = whyNotRunnable();
        if (problem != null) {
            output.showFailure(problem);
            return;
        }
        PromptSet set = document.getPromptSet();
        Task task = compose.currentTask();
        Variant variant = compose.currentVariant();
        TestCase testCase = compose.currentCase();
        Endpoint endpoint = settings.endpointProperty().get();
        String model = settings.modelProperty().get().strip();
        status.setPlanning(true);
        status.say("Starting " + variant.effectiveLabel() + " on " + model + "…");
        // Planning may load a provider's library (the embedded engine's on first use): not on the FX thread.
        ChatLayout layout = settings.chatLayout();
        CompletableFuture.supplyAsync(() -> RunPlanner.sampled(planner.plan(set, task, variant, testCase, endpoint,
                model, settings.overrides(), layout), variant), background).whenCompleteAsync(this::started, fx);
    }

    private void started(@Nullable RunSpec spec, @Nullable Throwable error) {
        status.setPlanning(false);
        status.say("");
        if (error != null || spec == null) {
            output.showFailure(Failures.messageOf(error));
        } else {
            output.start(spec);
        }
    }

    private @Nullable String whyNotRunnable() {
        if (!compose.hasTaskProperty().get()) {
            return "Open a prompt set with a task to run (File > Open, or pick one in the sidebar).";
        }
        if (settings.endpointProperty().get() == null) {
            return "Choose an endpoint to run on (Run > Endpoints… adds one).";
        }
        if (settings.modelProperty().get() == null || settings.modelProperty().get().isBlank()) {
            return "Choose a model to run on in the run bar"
                    + (settings.modelsMessageProperty().get().isBlank() ? "."
                            : " (" + settings.modelsMessageProperty().get() + ").");
        }
        return null;
    }

    /** Runs every Compare column on the current case; first fills an empty Compare with two columns. */
    public void runCompare() {
        selectedTab.set(CentreTab.COMPARE);
        if (!compose.hasTaskProperty().get()) {
            status.say("Open a prompt set with a task to compare its variants.");
            return;
        }
        prepareCompare();
        compare.runAll(new CompareViewModel.Context(document.getPromptSet(), compose.currentTask(),
                compose.currentCase(), settings.overrides(), settings.chatLayout()));
    }

    /**
     * Gives an empty Compare two columns to start from: the current variant and the next one (or the same one
     * twice when the task has only one), both on the run bar's endpoint and model.
     */
    public void prepareCompare() {
        if (!compare.getColumns().isEmpty() || !compose.hasTaskProperty().get()) {
            return;
        }
        Endpoint endpoint = settings.endpointProperty().get();
        String model = settings.modelProperty().get() == null ? "" : settings.modelProperty().get();
        String current = compose.currentVariant().id();
        List<String> ids = compose.currentTask().variants().stream().map(Variant::id).toList();
        String other = ids.stream().filter(id -> id != null && !id.equals(current)).findFirst().orElse(current);
        compare.addColumn(current, endpoint, model);
        compare.addColumn(other, endpoint, model);
    }

    /** Esc: stops whatever runs, in Output and in Compare; an evaluation has its own Cancel. */
    public void stop() {
        output.stop();
        compare.stopAll();
    }

    /** As {@link #evaluateSetup}, or null while the open set has no task (one is opening). */
    public EvaluateViewModel.@Nullable Setup evaluateSetupIfTask(List<Variant> variants) {
        return compose.currentTaskIfAny().map(task -> setup(task, variants)).orElse(null);
    }

    /** What an evaluation of {@code variants} runs on: the open set and task, the run bar's endpoint and model. */
    public EvaluateViewModel.Setup evaluateSetup(List<Variant> variants) {
        return setup(compose.currentTask(), variants);
    }

    private EvaluateViewModel.Setup setup(Task task, List<Variant> variants) {
        String model = settings.modelProperty().get() == null ? "" : settings.modelProperty().get().strip();
        return new EvaluateViewModel.Setup(document.getPromptSet(), document.getFile(), task, variants,
                settings.endpointProperty().get(), model);
    }

    /**
     * Runs a stored evaluation again on the Evaluate tab: its samples, case limit, dataset and extra models become
     * the Evaluate settings (so the tab shows what runs), then a new evaluation starts, with results and a history
     * run of its own.
     */
    public void rerun(RerunRequest request) {
        selectedTab.set(CentreTab.EVALUATE);
        if (evaluate.runningProperty().get()) {
            status.say("An evaluation is running; cancel it before rerunning " + request.runId() + ".");
            return;
        }
        evaluate.samplesProperty().set(request.samples());
        evaluate.limitProperty().set(request.limit());
        evaluate.datasetProperty().set(request.dataset());
        evaluate.extraModelsProperty().set(String.join(", ", request.extraModels()));
        evaluate.start(request.setup(), false);
    }

    /** The variants of a k-shot sweep over the open task, in the current variant's shape. */
    public List<Variant> sweepVariants() {
        return EvaluateViewModel.sweep(compose.currentTask(), compose.currentVariant());
    }

    /**
     * Continues the Output answer from token {@code index} with its alternative number {@code alternative}, as a
     * new Compare column, and shows Compare.
     */
    public void branch(int index, int alternative) {
        CompareColumn column = compare.branch(output, index, alternative);
        if (column != null) {
            selectedTab.set(CentreTab.COMPARE);
        } else {
            status.say(compare.messageProperty().get());
        }
    }

    /**
     * Shows completions that ended earlier (an evaluated case's samples, a completion from the history) without
     * calling a provider: one in Output, several side by side in Compare.
     */
    public void openCompletions(List<FinishedCompletion> completions) {
        if (completions.isEmpty()) {
            status.say("No completion was kept for this case.");
        } else if (completions.size() == 1) {
            // Selected first: the Output view is made when first shown, and its heat map draws what changes after.
            selectedTab.set(CentreTab.OUTPUT);
            output.show(completions.getFirst());
            sayOn(CentreTab.OUTPUT, "Showing a finished completion; nothing was sent.");
        } else {
            compare.showFinished(completions);
            selectedTab.set(CentreTab.COMPARE);
            sayOn(CentreTab.COMPARE, "Showing " + completions.size()
                    + " finished samples side by side; nothing was sent.");
        }
    }

    // A message about what one tab shows; it is cleared when the user leaves that tab, unless replaced before.
    private void sayOn(CentreTab tab, String text) {
        status.say(text);
        selectedTab.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends CentreTab> obs, CentreTab old, CentreTab now) {
                if (now != tab) {
                    selectedTab.removeListener(this);
                    if (text.equals(status.messageProperty().get())) {
                        status.say("");
                    }
                }
            }
        });
    }
}
