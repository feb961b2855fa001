// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import dev.rationale.app.compare.CompareViewModel;
import dev.rationale.app.compose.ComposeViewModel;
import dev.rationale.core.provider.TokenCounter;
import dev.rationale.app.endpoints.EndpointsViewModel;
import dev.rationale.app.evaluate.CodeExecutionConfirmation;
import dev.rationale.app.evaluate.CostConfirmation;
import dev.rationale.app.evaluate.EvaluateViewModel;
import dev.rationale.app.firstrun.FirstRunViewModel;
import dev.rationale.app.fx.UserDialogs;
import dev.rationale.app.history.HistoryViewModel;
import dev.rationale.app.history.RerunHost;
import dev.rationale.app.history.RerunRequest;
import dev.rationale.app.history.RunRecorder;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.app.run.RunSettingsViewModel;
import dev.rationale.app.shell.ActionServices;
import dev.rationale.app.shell.CentreTab;
import dev.rationale.app.shell.DocumentActions;
import dev.rationale.app.shell.MainWindowViewModel;
import dev.rationale.app.shell.RecoveryCopy;
import dev.rationale.app.shell.RunCoordinator;
import dev.rationale.app.shell.RunReopener;
import dev.rationale.app.shell.SessionRestore;
import dev.rationale.app.shell.SetExporter;
import dev.rationale.app.shell.ShownHistory;
import dev.rationale.app.shell.StatusLine;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.app.workspace.WorkspaceViewModel;
import dev.rationale.core.batch.BatchOptions;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.KeychainSecrets;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.download.LocalServerProbe;
import dev.rationale.core.download.ModelDownloader;
import dev.rationale.core.download.RecommendedModels;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.workspace.RecoveryFile;
import dev.rationale.core.workspace.WorkspaceState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The composition root, the one place where objects are built: creates the application's services once and builds
 * every view model from them — the main window's with its actions, the theme's, and those of the Endpoints and
 * first-run dialogs. Owns the one HTTP client, the background executor for blocking work (file I/O, model lists,
 * downloads) and the providers; {@link #close} shuts them down. Core services know nothing of JavaFX; the FX
 * executor and the clock are injected.
 *
 * @param fx hands work to the FX thread ({@code Platform::runLater} in the app)
 * @param clock the time runs and evaluations are stamped with
 * @param configDirectory where settings, recovery files and the recent-files list live
 * @param modelsDirectory where the embedded engine looks for GGUF files and downloads put them
 */
public record AppContext(
        OkHttpClient http,
        EndpointStore endpoints,
        SecretStore keychain,
        KeyResolver keys,
        ProviderCache providers,
        ExecutorService background,
        Executor fx,
        Clock clock,
        Path configDirectory,
        Path modelsDirectory) implements AutoCloseable {

    /** System property naming the embedded engine's models folder, e.g. {@code -Drationale.models.dir=…}. */
    public static final String MODELS_PROPERTY = "rationale.models.dir";

    /** How long edits must pause before the recovery copy is written. */
    public static final Duration AUTOSAVE_DELAY = Duration.ofSeconds(2);

    private static final PromptSet EMPTY = PromptSet.of("Untitled", List.of());

    /**
     * The context of the running application, with the user's settings and the system keychain.
     *
     * @param fx hands work to the FX thread
     */
    public static AppContext create(Executor fx) {
        OkHttpClient http = HttpClients.create();
        Path config = EndpointStore.userConfigDirectory();
        SecretStore keychain = KeychainSecrets.open();
        KeyResolver keys = new KeyResolver(keychain, System::getenv);
        String models = System.getProperty(MODELS_PROPERTY);
        Path modelsDirectory = models != null && !models.isBlank() ? Path.of(models) : config.resolve("models");
        EndpointStore endpoints = EndpointStore.user();
        return new AppContext(http, endpoints, keychain, keys,
                new ProviderCache(new ProviderFactory(http, keys, endpoints::load)),
                Executors.newVirtualThreadPerTaskExecutor(),
                fx, Clock.systemUTC(), config, modelsDirectory);
    }

    /**
     * What the main window's view models work with.
     *
     * @param samples the folder of sample prompt sets opened on first run; null when it cannot be found
     * @param scratchFolder where evaluations of a set never saved keep their results and history
     * @param quietPeriod how long typing must pause before the preview is rendered
     * @param autosaveDelay how long edits must pause before the recovery copy is written
     */
    public record MainWindowServices(RunPlanner planner, RunSettingsViewModel runSettings,
            WorkspaceViewModel workspace, RecoveryFile recovery, UserDialogs dialogs, Executor fx,
            Executor background, Clock clock, @Nullable Path samples, Path scratchFolder, Duration quietPeriod,
            Duration autosaveDelay) {
    }

    /** The theme's view model; it starts with the light theme. */
    public ThemeViewModel themeViewModel() {
        return new ThemeViewModel();
    }

    /** The main window's view model on this context's services; {@code dialogs} belong to the main window. */
    public MainWindowViewModel mainWindowViewModel(UserDialogs dialogs, @Nullable Path samples) {
        RunSettingsViewModel settings = new RunSettingsViewModel(providers, endpoints::load, modelsDirectory, fx,
                background);
        WorkspaceViewModel workspace = new WorkspaceViewModel(configDirectory.resolve(WorkspaceState.FILE_NAME), fx,
                background);
        return mainWindowViewModel(new MainWindowServices(new RunPlanner(providers), settings, workspace,
                new RecoveryFile(configDirectory.resolve("recovery")), dialogs, fx, background, clock, samples,
                configDirectory.resolve("scratch"), ComposeViewModel.QUIET_PERIOD, AUTOSAVE_DELAY));
    }

    /** The main window's view model and everything it works with, wired together. */
    public static MainWindowViewModel mainWindowViewModel(MainWindowServices services) {
        PromptSetDocument document = new PromptSetDocument(EMPTY, null);
        Executor fx = services.fx();
        Executor background = services.background();
        ComposeViewModel compose = new ComposeViewModel(document, fx, background, services.quietPeriod(),
                TokenCounter.estimate());
        ShownHistory shown = new ShownHistory(document, services.workspace(), services.scratchFolder());
        // The workspace's own prices sit beside its history; they are read when a cost is worked out.
        OutputViewModel output = new OutputViewModel(fx, background, () -> {
            Path folder = shown.folder();
            return folder == null ? null : folder.resolve(HistoryStore.FOLDER);
        });
        CompareViewModel compare = new CompareViewModel(services.planner(), fx, background);
        EvaluateViewModel evaluate = new EvaluateViewModel(services.planner().providers(), services.scratchFolder(),
                fx, background, services.clock(), BatchOptions.DEFAULTS,
                CostConfirmation.askingWith(services.dialogs()),
                CodeExecutionConfirmation.askingWith(services.dialogs()));
        ObjectProperty<CentreTab> selectedTab = new SimpleObjectProperty<>(CentreTab.COMPOSE);
        StatusLine status = new StatusLine(services.runSettings(), output, compare);
        ActionServices actionServices = new ActionServices(status, services.dialogs(), fx, background);
        RunCoordinator runs = new RunCoordinator(document, new RunCoordinator.Screens(compose,
                services.runSettings(), output, compare, evaluate), services.planner(), selectedTab, actionServices);
        HistoryViewModel history = new HistoryViewModel(shown::folder, fx, background, services.dialogs(),
                rerunHost(services.runSettings(), runs));
        keepRunsInHistory(services, shown, status, selectedTab, history, output, compare);
        MainWindowViewModel.Screens screens = new MainWindowViewModel.Screens(compose, services.runSettings(),
                output, compare, evaluate, history, services.workspace());
        return new MainWindowViewModel(document, screens, actions(services, actionServices, document, screens, runs,
                shown, selectedTab), selectedTab);
    }

    private static MainWindowViewModel.Actions actions(MainWindowServices services, ActionServices actionServices,
            PromptSetDocument document, MainWindowViewModel.Screens screens, RunCoordinator runs, ShownHistory shown,
            ObjectProperty<CentreTab> selectedTab) {
        RecoveryCopy recovery = new RecoveryCopy(document, services.recovery(), services.fx(), services.background(),
                services.autosaveDelay());
        DocumentActions documents = new DocumentActions(document, services.workspace(), screens.output(),
                screens.compare(), recovery, actionServices);
        SetExporter exporter = new SetExporter(document, screens.compose(), services.runSettings(),
                services.workspace(), actionServices);
        RunReopener reopener = new RunReopener(document, screens.compose(), documents, shown, selectedTab,
                actionServices);
        SessionRestore session = new SessionRestore(document, services.workspace(), recovery, documents,
                services.samples(), services.scratchFolder(), actionServices);
        return new MainWindowViewModel.Actions(documents, exporter, runs, reopener, session, recovery,
                actionServices.status());
    }

    private static RerunHost rerunHost(RunSettingsViewModel settings, RunCoordinator runs) {
        return new RerunHost() {
            @Override
            public List<Endpoint> endpoints() {
                return settings.getEndpoints();
            }

            @Override
            public void start(RerunRequest request) {
                runs.rerun(request);
            }
        };
    }

    // Every run but an evaluation's, which keeps its own; the list follows when it is on screen.
    private static void keepRunsInHistory(MainWindowServices services, ShownHistory shown, StatusLine status,
            ObjectProperty<CentreTab> selectedTab, HistoryViewModel history, OutputViewModel output,
            CompareViewModel compare) {
        RunRecorder recorder = new RunRecorder(shown::place, services.fx(), services.background(), services.clock(),
                status::say, () -> {
                    if (selectedTab.get() == CentreTab.HISTORY) {
                        history.refresh();
                    }
                });
        recorder.watch(output, RunKind.PROMPT);
        recorder.watchColumns(compare.getColumns());
    }

    /**
     * The Endpoints dialog's view model on this context's endpoints file, keychain and HTTP client.
     *
     * @param dialogs questions and file choosers of the dialog's own window
     * @param onSaved runs on the FX thread after each save or removal
     */
    public EndpointsViewModel endpointsViewModel(UserDialogs dialogs, Runnable onSaved) {
        return new EndpointsViewModel(endpoints, keychain, System::getenv, http, modelsDirectory, dialogs, onSaved,
                fx, background, providers::livePool);
    }

    /**
     * The first-run dialog's view model: downloads go to this context's models folder, a found server is saved to
     * its endpoints file.
     *
     * @param dialogs the file chooser of the dialog's own window
     * @param openEndpoints opens the Endpoints dialog; runs on the FX thread after the dialog has closed
     */
    public FirstRunViewModel firstRunViewModel(UserDialogs dialogs, Runnable openEndpoints) {
        return new FirstRunViewModel(endpoints, new ModelDownloader(http, background), new LocalServerProbe(http),
                RecommendedModels.all(), modelsDirectory, dialogs, openEndpoints, fx, background);
    }

    /** Stops background work and frees providers and connections. */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        providers.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
