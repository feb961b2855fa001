// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.AppContext;
import dev.rationale.app.AppVersion;
import dev.rationale.app.compare.CompareColumn;
import dev.rationale.app.compare.CompareView;
import dev.rationale.app.compose.ComposeView;
import dev.rationale.app.endpoints.EndpointsDialog;
import dev.rationale.app.evaluate.EvaluateView;
import dev.rationale.app.firstrun.FirstRunChoice;
import dev.rationale.app.firstrun.FirstRunDialog;
import dev.rationale.app.history.HistoryView;
import dev.rationale.app.output.OutputView;
import dev.rationale.app.output.TokenPopup;
import dev.rationale.app.fx.ThemeSwitcher;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.app.workspace.WorkspaceSidebar;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The main window: menus and the run bar on top, the workspace sidebar on the left, the Compose, Output and Compare
 * tabs in the centre, and the status bar (endpoint · model · what runs) at the bottom. It styles whatever scene it
 * is placed in with the view model's theme. Every action is in a menu; the keys are those of the menus (Ctrl+Enter
 * runs, Esc stops, Ctrl+S saves, Ctrl+O opens, Ctrl+1..5 switch tabs). Only the selected tab is built with the
 * window; every other one the first time it is selected, so that the launch builds only what it shows. Output and
 * Compare views draw only what changes after they are made: whatever fills their view models selects the tab
 * first, and Compare is also built when it first gets a column (a branch, finished samples). Build and use it on
 * the FX thread.
 */
public final class MainWindow extends BorderPane {

    /** The title of the main window when no prompt set is named. */
    public static final String TITLE = AppVersion.APP_NAME;

    static final double DEFAULT_WIDTH = 1400;
    static final double DEFAULT_HEIGHT = 860;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 560;
    private static final double SIDEBAR_SHARE = 0.16;

    private final ThemeViewModel theme;
    private final MainWindowViewModel viewModel;
    private final @Nullable AppContext context;
    private final Runnable quitAction;
    private final Map<CentreTab, Tab> tabs = new EnumMap<>(CentreTab.class);
    private final TabPane tabPane = new TabPane();
    private final Map<CentreTab, Supplier<Node>> unbuilt = new EnumMap<>(CentreTab.class);

    /**
     * @param context the composition root, for the Endpoints and first-run dialogs; null hides them (tests of
     *     the shell alone)
     * @param quitAction what File &gt; Quit does once unsaved edits are dealt with
     */
    public MainWindow(ThemeViewModel theme, MainWindowViewModel viewModel, @Nullable AppContext context,
            Runnable quitAction) {
        this.theme = Objects.requireNonNull(theme, "theme");
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.context = context;
        this.quitAction = Objects.requireNonNull(quitAction, "quitAction");
        createView();
        initListeners();
    }

    /** Puts this window into {@code stage} at its default size, titles it and shows it. */
    public void showIn(Stage stage) {
        stage.titleProperty().bind(viewModel.titleProperty());
        Scene scene = new Scene(this, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        // A filter, not only the menu accelerator: the template editor would otherwise take Ctrl+Enter as a newline.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (MainMenus.RUN_KEYS.match(event)) {
                event.consume();
                run();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnCloseRequest(event -> {
            if (!viewModel.getDocuments().confirmDiscard("Quit")) {
                event.consume();
            }
        });
        stage.show();
    }

    /** Runs: on Compare every column, elsewhere the composed prompt. */
    void run() {
        commitFocusedField();
        viewModel.getRuns().run();
    }

    // A number typed in the run bar is only committed on Enter or focus loss; a run from the keyboard needs it now.
    private void commitFocusedField() {
        Scene scene = getScene();
        if (scene != null && scene.getFocusOwner() instanceof TextField field && field.getTextFormatter() != null) {
            field.commitValue();
        }
    }

    private void createView() {
        RunCoordinator runs = viewModel.getRuns();
        setTop(new VBox(new MainMenus(viewModel, theme, windowActions()), new RunBar(viewModel.getRunSettings(),
                viewModel.getStatusLine().runningProperty(), this::run, runs::stop, this::showEndpoints)));
        WorkspaceSidebar sidebar = new WorkspaceSidebar(viewModel.getWorkspace(), viewModel.getDocuments()::open,
                viewModel.getDocuments()::openFolder, viewModel.getDocument().fileProperty());
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabPane.getStyleClass().add("shell-tabs");
        addTab(CentreTab.COMPOSE, this::createCompose);
        addTab(CentreTab.OUTPUT, this::createOutput);
        addTab(CentreTab.COMPARE, () -> new CompareView(viewModel.getCompare(),
                viewModel.getTaskVariants(), viewModel.getRunSettings().getEndpoints(),
                viewModel.getRunSettings().getModels(), runs::runCompare));
        addTab(CentreTab.EVALUATE, () -> new EvaluateView(viewModel.getEvaluate(), viewModel.getTaskVariants(),
                runs::evaluateSetupIfTask, runs::sweepVariants, runs::openCompletions));
        addTab(CentreTab.HISTORY, () -> new HistoryView(viewModel.getHistory(), runs::openCompletions,
                viewModel.getReopener()::reopen));
        SplitPane split = new SplitPane(sidebar, tabPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(SIDEBAR_SHARE);
        SplitPane.setResizableWithParent(sidebar, false);
        setCenter(split);
        setBottom(new StatusBar(viewModel.getStatusLine(), theme));
    }

    static String tabTitle(CentreTab which) {
        return switch (which) {
            case COMPOSE -> "Compose";
            case OUTPUT -> "Output";
            case COMPARE -> "Compare";
            case EVALUATE -> "Evaluate";
            case HISTORY -> "History";
        };
    }

    private void addTab(CentreTab which, Supplier<Node> content) {
        Tab tab = new Tab(tabTitle(which));
        tab.setId("tab-" + which.name().toLowerCase(Locale.ROOT));
        tab.setUserData(which);
        tabs.put(which, tab);
        unbuilt.put(which, content);
        tabPane.getTabs().add(tab);
    }

    // The tab's content, made now unless it was made before.
    private void build(CentreTab which) {
        Supplier<Node> content = unbuilt.remove(which);
        if (content != null) {
            tabs.get(which).setContent(content.get());
        }
    }

    // A column added while Compare was never shown (a branch, finished samples) must find its view there already.
    private void buildCompareOnFirstColumn() {
        viewModel.getCompare().getColumns().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends CompareColumn> change) {
                viewModel.getCompare().getColumns().removeListener(this);
                build(CentreTab.COMPARE);
            }
        });
    }

    private Node createCompose() {
        ComposeView compose = new ComposeView(viewModel.getCompose());
        Node placeholder = new NoSetPlaceholder();
        compose.visibleProperty().bind(viewModel.getCompose().hasTaskProperty());
        placeholder.visibleProperty().bind(viewModel.getCompose().hasTaskProperty().not());
        return new StackPane(compose, placeholder);
    }

    private Node createOutput() {
        OutputView output = new OutputView(viewModel.getOutput());
        output.popup().setBranchAction(new TokenPopup.BranchAction() {
            @Override
            public boolean available() {
                return viewModel.getOutput().getBranches().canBranch();
            }

            @Override
            public void branch(int tokenIndex, int alternative) {
                viewModel.getRuns().branch(tokenIndex, alternative);
            }
        });
        return output;
    }

    private void initListeners() {
        ThemeSwitcher.follow(this, theme.themeProperty());
        buildCompareOnFirstColumn();
        build(viewModel.selectedTabProperty().get());
        tabPane.getSelectionModel().select(tabs.get(viewModel.selectedTabProperty().get()));
        viewModel.selectedTabProperty().addListener((obs, old, now) -> tabPane.getSelectionModel()
                .select(tabs.get(now)));
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                CentreTab which = (CentreTab) now.getUserData();
                build(which);
                viewModel.selectedTabProperty().set(which);
                if (which == CentreTab.COMPARE) {
                    viewModel.getRuns().prepareCompare();
                } else if (which == CentreTab.HISTORY) {
                    viewModel.getHistory().refresh();
                }
            }
        });
    }

    private MainMenus.WindowActions windowActions() {
        return new MainMenus.WindowActions() {
            @Override
            public void run() {
                MainWindow.this.run();
            }

            @Override
            public void quit() {
                if (viewModel.getDocuments().confirmDiscard("Quit")) {
                    quitAction.run();
                }
            }

            @Override
            public void showEndpoints() {
                MainWindow.this.showEndpoints();
            }

            @Override
            public void showFirstRun() {
                MainWindow.this.showFirstRun();
            }

            @Override
            public void showAbout() {
                AboutDialog.show(getScene().getWindow(), theme.getTheme());
            }

            @Override
            public boolean hasDialogs() {
                return context != null;
            }
        };
    }

    /** Opens the Endpoints dialog; saving there reloads the run bar's endpoints. */
    void showEndpoints() {
        if (context != null) {
            AppContext root = context;
            EndpointsDialog.create(dialogs -> root.endpointsViewModel(dialogs,
                    () -> viewModel.getRunSettings().reloadEndpoints()), getScene().getWindow(), theme.getTheme())
                    .show();
        }
    }

    /** Opens the first-run dialog: a model to start with, downloaded or picked, or a server found here. */
    public void showFirstRun() {
        if (context == null) {
            return;
        }
        AppContext root = context;
        FirstRunDialog.create(dialogs -> root.firstRunViewModel(dialogs, this::showEndpoints), getScene().getWindow(),
                theme.getTheme()).show(this::useFirstRunChoice);
    }

    private void useFirstRunChoice(FirstRunChoice choice) {
        AppContext ctx = Objects.requireNonNull(context);
        switch (choice) {
            case FirstRunChoice.EmbeddedModel model -> {
                Path file = model.file().toAbsolutePath();
                // Saved as an endpoint so the choice survives a restart, wherever on disk the file is.
                Endpoint endpoint = new Endpoint("Embedded · " + file.getFileName(), ProviderKind.EMBEDDED,
                        String.valueOf(file.getParent()), file.toString(), null);
                ctx.background().execute(() -> {
                    ctx.endpoints().put(endpoint);
                    ctx.fx().execute(() -> viewModel.getRunSettings().reloadEndpoints(endpoint.name()));
                });
            }
            case FirstRunChoice.NewEndpoint created ->
                    viewModel.getRunSettings().reloadEndpoints(created.endpoint().name());
            case FirstRunChoice.Nothing nothing -> {
                // The user closed the dialog or went on to the Endpoints dialog, which reloads on save.
            }
        }
    }
}
