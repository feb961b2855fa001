// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.AppContext;
import dev.rationale.app.compare.CompareColumn;
import dev.rationale.app.compare.CompareViewModel;
import dev.rationale.app.compose.ComposeViewModel;
import dev.rationale.app.compose.TokenCounter;
import dev.rationale.app.evaluate.EvaluateViewModel;
import dev.rationale.app.exchange.SetExport;
import dev.rationale.app.fx.Debounced;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.history.HistoryPlace;
import dev.rationale.app.history.HistoryViewModel;
import dev.rationale.app.history.RerunHost;
import dev.rationale.app.history.RerunRequest;
import dev.rationale.app.history.RerunResolver;
import dev.rationale.app.history.RunRecorder;
import dev.rationale.app.output.FinishedCompletion;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunSpec;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.SampleFolder;
import dev.rationale.app.workspace.WorkspaceViewModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.promptset.LoadedPromptSet;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.workspace.PromptSetFolder;
import dev.rationale.core.workspace.RecoveryFile;
import dev.rationale.core.workspace.WorkspaceState;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The main window's view model: the one open prompt set and everything that works on it — Compose, the run
 * settings, Output, Compare and the workspace sidebar — plus the actions of the menus (open, save, run, stop,
 * branch) and what the status bar and title say. File and network work runs on the background executor; results
 * come back on the FX executor. Unsaved edits are copied to a recovery file once typing pauses. Touch it on the FX
 * thread only.
 */
public final class Workbench {

    /** The centre's tabs, in order. */
    public enum Tab { COMPOSE, OUTPUT, COMPARE, EVALUATE, HISTORY }

    /** How long edits must pause before the recovery copy is written. */
    public static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(2);

    private static final Logger LOG = System.getLogger(Workbench.class.getName());
    private static final PromptSet EMPTY = PromptSet.of("Untitled", List.of());

    /**
     * What a workbench works with.
     *
     * @param samples the folder of sample prompt sets opened on first run; null when it cannot be found
     * @param scratchFolder where evaluations of a set never saved keep their results and history
     * @param quietPeriod how long typing must pause before the preview is rendered
     * @param autosaveDelay how long edits must pause before the recovery copy is written
     */
    public record Services(RunPlanner planner, RunSettingsViewModel runSettings, WorkspaceViewModel workspace,
            RecoveryFile recovery, UserDialogs dialogs, Executor fx, Executor background, @Nullable Path samples,
            Path scratchFolder, Duration quietPeriod, Duration autosaveDelay) {
    }

    private final Services services;
    private final Executor fx;
    private final Executor background;
    private final UserDialogs dialogs;
    private final PromptSetDocument document = new PromptSetDocument(EMPTY, null);
    private final ComposeViewModel compose;
    private final OutputViewModel output;
    private final CompareViewModel compare;
    private final EvaluateViewModel evaluate;
    private final HistoryViewModel history;
    private final ObservableList<Variant> taskVariants = FXCollections.observableArrayList();
    private final ObjectProperty<Tab> selectedTab = new SimpleObjectProperty<>(this, "selectedTab", Tab.COMPOSE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final Debounced<Snapshot, Boolean> autosave;
    private boolean planning;

    // What the recovery copy is written from: captured on the FX thread, written on the background one.
    private record Snapshot(PromptSet set, @Nullable Path file) {
    }

    /** The app's workbench: services from {@code context}, dialogs and the FX thread from the window. */
    public static Workbench create(AppContext context, UserDialogs dialogs, Executor fx, @Nullable Path samples) {
        ProviderCache providers = context.providers();
        RunSettingsViewModel settings = new RunSettingsViewModel(providers, context.endpoints()::load,
                context.modelsDirectory(), fx, context.background());
        WorkspaceViewModel workspace = new WorkspaceViewModel(
                context.configDirectory().resolve(WorkspaceState.FILE_NAME), fx, context.background());
        return new Workbench(new Services(new RunPlanner(providers), settings, workspace,
                new RecoveryFile(context.configDirectory().resolve("recovery")), dialogs, fx, context.background(),
                samples, context.configDirectory().resolve("scratch"), ComposeViewModel.QUIET_PERIOD,
                AUTOSAVE_DELAY));
    }

    public Workbench(Services services) {
        this.services = services;
        this.fx = services.fx();
        this.background = services.background();
        this.dialogs = services.dialogs();
        this.compose = new ComposeViewModel(document, fx, background, services.quietPeriod(),
                TokenCounter.estimate());
        this.output = new OutputViewModel(fx);
        this.compare = new CompareViewModel(services.planner(), fx, background);
        this.evaluate = new EvaluateViewModel(services.planner().providers(), services.scratchFolder(), fx,
                background, Clock.systemUTC());
        this.history = new HistoryViewModel(this::historyFolder, fx, background, dialogs, new RerunHost() {
            @Override
            public List<Endpoint> endpoints() {
                return services.runSettings().getEndpoints();
            }

            @Override
            public void start(RerunRequest request) {
                rerun(request);
            }
        });
        this.autosave = new Debounced<>(fx, background, services.autosaveDelay(), this::writeRecovery, ok -> { });
        keepRunsInHistory();
        initListeners();
        updateStatus();
        updateTitle();
    }

    private void initListeners() {
        document.promptSetProperty().addListener((obs, old, now) -> {
            showTaskVariants();
            updateTitle();
            if (document.isDirty()) {
                autosave.submit(new Snapshot(now, document.getFile()));
            }
        });
        document.dirtyProperty().addListener((obs, was, dirty) -> {
            updateTitle();
            // The first edit changes the content before it marks the document dirty, so it is copied from here.
            if (dirty) {
                autosave.submit(new Snapshot(document.getPromptSet(), document.getFile()));
            } else {
                autosave.cancel();
                deleteRecovery();
            }
        });
        document.fileProperty().addListener((obs, old, now) -> updateTitle());
        compose.selectedTaskProperty().addListener((obs, old, now) -> showTaskVariants());
        RunSettingsViewModel settings = services.runSettings();
        settings.endpointProperty().addListener((obs, old, now) -> modelChanged());
        settings.modelProperty().addListener((obs, old, now) -> modelChanged());
        settings.chatLayoutProperty().addListener((obs, old, now) -> modelChanged());
        output.stateProperty().addListener((obs, old, now) -> updateStatus());
        message.addListener((obs, old, now) -> updateStatus());
        compare.getColumns().addListener((ListChangeListener<CompareColumn>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(column ->
                        column.output().stateProperty().addListener((obs, old, now) -> updateStatus()));
            }
            updateStatus();
        });
    }

    // Every run but an evaluation's, which keeps its own; the list follows when it is on screen.
    private void keepRunsInHistory() {
        RunRecorder recorder = new RunRecorder(() -> HistoryPlace.of(document.getFile(), services.scratchFolder()),
                fx, background, Clock.systemUTC(), message::set, () -> {
                    if (selectedTab.get() == Tab.HISTORY) {
                        history.refresh();
                    }
                });
        recorder.watch(output, RunKind.PROMPT);
        recorder.watchColumns(compare.getColumns());
    }

    private void modelChanged() {
        compose.getPreview().counterProperty().set(services.runSettings().tokenCounter());
        compose.getPreview().shapingProperty().set(services.runSettings().promptShaping());
        updateStatus();
    }

    // ---- Start-up ----

    /**
     * Restores the last session: the workspace folder and recent files, unsaved edits left by a crash (after
     * asking), else the most recent file; on the very first start, the sample prompt sets. Completes on the FX
     * thread once the document to show has been chosen (its loading may still be under way).
     */
    public CompletableFuture<Void> start() {
        return services.workspace().restore()
                .thenCompose(state -> CompletableFuture.supplyAsync(() -> findStart(state), background))
                .thenAcceptAsync(this::startWith, fx)
                .exceptionally(error -> {
                    LOG.log(Level.WARNING, "Could not restore the last session", error);
                    return null;
                });
    }

    // What the last session left, read off the FX thread.
    private record StartPoint(Optional<RecoveryFile.Recovered> recovered, @Nullable String recoveryProblem,
            @Nullable Path fileToOpen, @Nullable Path samplesToShow) {
    }

    private StartPoint findStart(WorkspaceState state) {
        Optional<RecoveryFile.Recovered> recovered = Optional.empty();
        String problem = null;
        try {
            recovered = services.recovery().read();
        } catch (IOException | RuntimeException e) {
            problem = "Unsaved edits from the last session could not be read (" + e.getMessage()
                    + "). They are still in " + services.recovery().contentFile() + ".";
        }
        Path recent = state.recentPaths().stream().filter(Files::isRegularFile).findFirst().orElse(null);
        boolean firstStart = state.folder() == null && state.recent().isEmpty();
        // Only a first start shows the samples. Read-only ones (an installed image) are copied into the config
        // folder, beside the scratch folder, so that the user can save and evaluate them.
        Path samples = firstStart ? SampleFolder.usable(services.samples(),
                services.scratchFolder().resolveSibling("sample-prompts")) : null;
        Path sampleFile = null;
        if (samples != null && Files.isDirectory(samples)) {
            sampleFile = firstSample(samples);
        }
        return new StartPoint(recovered, problem, recent != null ? recent : sampleFile, samples);
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
            services.workspace().openFolder(start.samplesToShow());
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
                message.set("Restored unsaved edits to " + name + ".");
                return;
            }
            deleteRecovery();
        }
        if (start.fileToOpen() != null) {
            open(start.fileToOpen());
        }
    }

    // ---- Files ----

    /** Asks for a prompt set and opens it. */
    public void open() {
        dialogs.choosePromptSetToOpen(services.workspace().getFolder()).ifPresent(this::open);
    }

    /** Opens {@code file} in place of the current set, after asking when that would lose unsaved edits. */
    public void open(Path file) {
        open(file, () -> { });
    }

    // Runs {@code then} on the FX thread once the file is the open document.
    private void open(Path file, Runnable then) {
        if (!confirmDiscard("Open " + file.getFileName())) {
            return;
        }
        message.set("Opening " + file.getFileName() + "…");
        CompletableFuture.supplyAsync(() -> PromptSetFiles.loadWithWarnings(file), background)
                .whenCompleteAsync((loaded, error) -> {
                    if (opened(file, loaded, error)) {
                        then.run();
                    }
                }, fx);
    }

    private boolean opened(Path file, @Nullable LoadedPromptSet loaded, @Nullable Throwable error) {
        if (error != null || loaded == null) {
            message.set("");
            dialogs.showError("Cannot open " + file.getFileName(), Failures.messageOf(error));
            return false;
        }
        output.stop();
        compare.stopAll();
        compare.getColumns().clear();
        document.replace(loaded.promptSet(), file, false);
        services.workspace().opened(file);
        int warnings = loaded.warnings().size();
        message.set("Opened " + file.getFileName()
                + (warnings == 0 ? "." : " with " + warnings + (warnings == 1 ? " warning." : " warnings.")));
        return true;
    }

    /**
     * Reopens the prompt set a history run ran, in Compose at the run's task and first variant; when the set is
     * already open only the task is picked. The file is looked for off the FX thread; the status says when it is
     * gone.
     */
    public void reopen(Run run) {
        String stored = run.promptSetFile();
        Path folder = historyFolder();
        if (stored == null) {
            message.set("This run's prompt set was never saved: there is no file to reopen.");
            return;
        }
        // Found as a rerun finds it, so that Reopen and Rerun agree on whether the file is still there.
        Path workspace = folder == null ? Path.of("") : folder;
        CompletableFuture.supplyAsync(() -> RerunResolver.existing(workspace, stored), background)
                .thenAcceptAsync(found -> {
                    if (found.isEmpty()) {
                        message.set("Cannot reopen: " + workspace.resolve(stored) + " is no longer there.");
                    } else if (document.getFile() != null && samePath(document.getFile(), found.get())) {
                        showRunIn(run, found.get());
                    } else {
                        open(found.get(), () -> showRunIn(run, found.get()));
                    }
                }, fx);
    }

    private static boolean samePath(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private void showRunIn(Run run, Path file) {
        selectedTab.set(Tab.COMPOSE);
        String task = run.task();
        if (task == null || !compose.getTaskIds().contains(task)) {
            message.set("Reopened " + file.getFileName() + (task == null ? "." : "; it has no task " + task
                    + " any more."));
            return;
        }
        compose.selectTask(task);
        run.variants().stream().filter(compose.getVariantIds()::contains).findFirst()
                .ifPresent(compose::selectVariant);
        message.set("Reopened " + file.getFileName() + " at task " + task + ".");
    }

    /** Asks for a folder and shows its prompt sets in the sidebar. */
    public void openFolder() {
        dialogs.chooseFolder("Open workspace folder", services.workspace().getFolder())
                .ifPresent(services.workspace()::openFolder);
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
        Path folder = file != null ? file.toAbsolutePath().getParent() : services.workspace().getFolder();
        String suggested = file != null ? String.valueOf(file.getFileName())
                : fileNameOf(document.displayName()) + ".rationale.json";
        dialogs.choosePromptSetToSave(folder, suggested).map(Workbench::withPromptSetSuffix).ifPresent(this::saveTo);
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
                    services.workspace().opened(file);
                    message.set("Saved " + file.getFileName() + ".");
                }, fx);
    }

    /**
     * Asks where, then writes the open set (as edited, saved or not) in {@code kind}'s format off the FX thread; the
     * status says where it went and what the format could not carry.
     */
    public void export(SetExport kind) {
        if (!compose.hasTaskProperty().get()) {
            message.set("Nothing to export: the prompt set has no task.");
            return;
        }
        Path file = document.getFile();
        Path folder = file != null ? file.toAbsolutePath().getParent() : services.workspace().getFolder();
        // Named after the file the set came from, so "mine.rationale.json" exports as "mine.md".
        String base = file != null ? PromptSetFolder.displayName(file) : fileNameOf(document.displayName());
        Optional<Path> chosen = dialogs.chooseExportFile("Export " + kind.label().replace("…", ""), folder,
                kind.suggestedName(base));
        if (chosen.isEmpty()) {
            return;
        }
        Path out = chosen.get();
        PromptSet set = document.getPromptSet();
        Task task = compose.currentTask();
        Endpoint endpoint = services.runSettings().endpointProperty().get();
        String model = String.valueOf(services.runSettings().modelProperty().get()).strip();
        CompletableFuture.supplyAsync(() -> kind.write(set, task, endpoint, model, out), background)
                .whenCompleteAsync((notCarried, error) -> {
                    if (error != null) {
                        dialogs.showError("Cannot export " + out.getFileName(), Failures.messageOf(error));
                    } else {
                        message.set("Exported " + out.getFileName() + "." + notCarriedText(notCarried));
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

    static Path withPromptSetSuffix(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        boolean known = name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
        return known ? file : file.resolveSibling(file.getFileName() + ".rationale.json");
    }

    private static String fileNameOf(String name) {
        String cleaned = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "untitled" : cleaned;
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
            autosave.cancel();
            deleteRecovery();
        }
        return discard;
    }

    private Boolean writeRecovery(Snapshot snapshot) {
        RecoveryFile recovery = services.recovery();
        // Two writes may overlap on the background executor; one at a time keeps the newest last.
        synchronized (recovery) {
            try {
                recovery.write(snapshot.set(), snapshot.file());
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not write the recovery copy of unsaved edits", e);
                return false;
            }
        }
    }

    private void deleteRecovery() {
        RecoveryFile recovery = services.recovery();
        background.execute(() -> {
            synchronized (recovery) {
                try {
                    recovery.delete();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Could not delete the recovery copy", e);
                }
            }
        });
    }

    // ---- Running ----

    /** Ctrl+Enter: on the Compare tab runs every column; elsewhere runs the composed prompt into Output. */
    public void run() {
        if (selectedTab.get() == Tab.COMPARE) {
            runCompare();
        } else if (selectedTab.get() == Tab.EVALUATE) {
            if (compose.hasTaskProperty().get()) {
                evaluate.start(evaluateSetup(compose.currentTask().variants()), false);
            }
        } else {
            runOutput();
        }
    }

    /** Runs the current variant on the current case with the run settings, into the Output tab. */
    public void runOutput() {
        if (planning || output.getState().isRunning()) {
            return;
        }
        selectedTab.set(Tab.OUTPUT);
        String problem = whyNotRunnable();
        if (problem != null) {
            output.showFailure(problem);
            return;
        }
        RunSettingsViewModel settings = services.runSettings();
        PromptSet set = document.getPromptSet();
        Task task = compose.currentTask();
        Variant variant = compose.currentVariant();
        TestCase testCase = compose.currentCase();
        Endpoint endpoint = settings.endpointProperty().get();
        String model = settings.modelProperty().get().strip();
        planning = true;
        updateStatus();
        message.set("Starting " + variant.effectiveLabel() + " on " + model + "…");
        // Planning may load a provider's library (the embedded engine's on first use): not on the FX thread.
        ChatLayout layout = settings.chatLayout();
        CompletableFuture.supplyAsync(() -> services.planner().plan(set, task, variant, testCase, endpoint, model,
                settings.overrides(), layout), background).whenCompleteAsync((spec, error) -> started(spec, error), fx);
    }

    private void started(@Nullable RunSpec spec, @Nullable Throwable error) {
        planning = false;
        updateStatus();
        message.set("");
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
        RunSettingsViewModel settings = services.runSettings();
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
        selectedTab.set(Tab.COMPARE);
        if (!compose.hasTaskProperty().get()) {
            message.set("Open a prompt set with a task to compare its variants.");
            return;
        }
        prepareCompare();
        compare.runAll(new CompareViewModel.Context(document.getPromptSet(), compose.currentTask(),
                compose.currentCase(), services.runSettings().overrides(), services.runSettings().chatLayout()));
    }

    /**
     * Gives an empty Compare two columns to start from: the current variant and the next one (or the same one
     * twice when the task has only one), both on the run bar's endpoint and model.
     */
    public void prepareCompare() {
        if (!compare.getColumns().isEmpty() || !compose.hasTaskProperty().get()) {
            return;
        }
        RunSettingsViewModel settings = services.runSettings();
        Endpoint endpoint = settings.endpointProperty().get();
        String model = settings.modelProperty().get() == null ? "" : settings.modelProperty().get();
        String current = compose.currentVariant().id();
        List<String> ids = new ArrayList<>(compose.currentTask().variants().stream().map(Variant::id).toList());
        String other = ids.stream().filter(id -> id != null && !id.equals(current)).findFirst().orElse(current);
        compare.addColumn(current, endpoint, model);
        compare.addColumn(other, endpoint, model);
    }

    /** Esc: stops whatever runs, in Output and in Compare; an evaluation has its own Cancel. */
    public void stop() {
        output.stop();
        compare.stopAll();
    }

    /** What an evaluation of {@code variants} runs on: the open set and task, the run bar's endpoint and model. */
    public EvaluateViewModel.Setup evaluateSetup(List<Variant> variants) {
        RunSettingsViewModel settings = services.runSettings();
        String model = settings.modelProperty().get() == null ? "" : settings.modelProperty().get().strip();
        return new EvaluateViewModel.Setup(document.getPromptSet(), document.getFile(), compose.currentTask(),
                variants, settings.endpointProperty().get(), model);
    }

    /**
     * Runs a stored evaluation again on the Evaluate tab: its samples, case limit, dataset and extra models become
     * the Evaluate settings (so the tab shows what runs), then a new evaluation starts, with results and a history
     * run of its own.
     */
    public void rerun(RerunRequest request) {
        selectedTab.set(Tab.EVALUATE);
        if (evaluate.runningProperty().get()) {
            message.set("An evaluation is running; cancel it before rerunning " + request.runId() + ".");
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
            selectedTab.set(Tab.COMPARE);
        } else {
            message.set(compare.messageProperty().get());
        }
    }

    /**
     * Shows completions that ended earlier (an evaluated case's samples, a completion from the history) without
     * calling a provider: one in Output, several side by side in Compare.
     */
    public void openCompletions(List<FinishedCompletion> completions) {
        if (completions.isEmpty()) {
            message.set("No completion was kept for this case.");
        } else if (completions.size() == 1) {
            output.show(completions.getFirst());
            selectedTab.set(Tab.OUTPUT);
            message.set("Showing a finished completion; nothing was sent.");
        } else {
            compare.showFinished(completions);
            selectedTab.set(Tab.COMPARE);
            message.set("Showing " + completions.size() + " finished samples side by side; nothing was sent.");
        }
    }

    /** Stops runs and pending work; the recovery copy stays when there are unsaved edits. */
    public void dispose() {
        stop();
        compose.dispose();
        if (!document.isDirty()) {
            autosave.cancel();
        }
    }

    // ---- What the window shows ----

    // Read by the selected id from the document: while another set opens, the selection changes before Compose
    // shows the new task, and the task Compose still shows may not be in the new set.
    private void showTaskVariants() {
        String selected = compose.selectedTaskProperty().get();
        List<Variant> variants = selected == null ? List.of()
                : document.getPromptSet().task(selected).map(Task::variants).orElse(List.of());
        if (!variants.equals(taskVariants)) {
            taskVariants.setAll(variants);
        }
    }

    private void updateStatus() {
        RunSettingsViewModel settings = services.runSettings();
        List<String> parts = new ArrayList<>();
        Endpoint endpoint = settings.endpointProperty().get();
        parts.add(endpoint == null ? "no endpoint" : endpoint.name());
        String model = settings.modelProperty().get();
        parts.add(model == null || model.isBlank() ? "no model" : RunPlanner.shortModel(model));
        parts.add(runningText());
        String text = String.join(" · ", parts);
        status.set(message.get().isBlank() ? text : text + " — " + message.get());
    }

    private String runningText() {
        long columns = compare.getColumns().stream().filter(c -> c.output().getState().isRunning()).count();
        running.set(planning || columns > 0 || output.getState().isRunning());
        if (planning) {
            return "starting";
        }
        if (columns > 0) {
            return "running " + columns + (columns == 1 ? " column" : " columns");
        }
        return switch (output.getState()) {
            case IDLE -> "ready";
            case RUNNING -> "running";
            case COMPLETED -> "done";
            case CANCELLED -> "stopped";
            case FAILED -> "failed";
        };
    }

    private void updateTitle() {
        title.set(document.displayName() + (document.isDirty() ? " •" : "") + " — Rationale");
    }

    public PromptSetDocument getDocument() {
        return document;
    }

    public ComposeViewModel getCompose() {
        return compose;
    }

    public OutputViewModel getOutput() {
        return output;
    }

    public CompareViewModel getCompare() {
        return compare;
    }

    // The history the History tab shows: where the open set's runs are kept (a set never saved keeps them in the
    // scratch folder); with no set to run, the workspace folder's.
    private @Nullable Path historyFolder() {
        if (document.getFile() == null && document.getPromptSet().tasks().isEmpty()) {
            return services.workspace().getFolder();
        }
        return HistoryPlace.of(document.getFile(), services.scratchFolder()).folder();
    }

    public HistoryViewModel getHistory() {
        return history;
    }

    public EvaluateViewModel getEvaluate() {
        return evaluate;
    }

    public RunSettingsViewModel getRunSettings() {
        return services.runSettings();
    }

    public WorkspaceViewModel getWorkspace() {
        return services.workspace();
    }

    /** The variants of the task Compose shows, for Compare's pickers. */
    public ObservableList<Variant> getTaskVariants() {
        return taskVariants;
    }

    /** The tab the centre shows; actions switch it (Run to Output, a branch to Compare). */
    public ObjectProperty<Tab> selectedTabProperty() {
        return selectedTab;
    }

    /** The status bar's text: endpoint · model · what runs, and the last action's message. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String getStatus() {
        return status.get();
    }

    /** True while the Output run is starting or running, or any Compare column runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The window title: the set's name, a dot when it has unsaved edits. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The last action's message, e.g. "Saved arithmetic.rationale.json."; empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
