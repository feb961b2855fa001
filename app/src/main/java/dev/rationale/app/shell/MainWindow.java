// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.AppContext;
import dev.rationale.app.AppVersion;
import dev.rationale.app.compare.CompareView;
import dev.rationale.app.compose.ComposeView;
import dev.rationale.app.endpoints.EndpointsDialog;
import dev.rationale.app.evaluate.EvaluateView;
import dev.rationale.app.exchange.SetExport;
import dev.rationale.app.firstrun.FirstRunChoice;
import dev.rationale.app.firstrun.FirstRunDialog;
import dev.rationale.app.fx.Styles;
import dev.rationale.app.history.HistoryView;
import dev.rationale.app.output.OutputView;
import dev.rationale.app.output.TokenPopup;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.theme.ThemeSwitcher;
import dev.rationale.app.workspace.WorkspaceSidebar;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.workspace.PromptSetFolder;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The main window: menus and the run bar on top, the workspace sidebar on the left, the Compose, Output and Compare
 * tabs in the centre, and the status bar (endpoint · model · what runs) at the bottom. It styles whatever scene it
 * is placed in with the view model's theme. Every action is in a menu; the keys are those of the menus (Ctrl+Enter
 * runs, Esc stops, Ctrl+S saves, Ctrl+O opens, Ctrl+1..5 switch tabs). Build and use it on the FX thread.
 */
public final class MainWindow extends BorderPane {

    /** The title of the main window when no prompt set is named. */
    public static final String TITLE = AppVersion.APP_NAME;

    static final double DEFAULT_WIDTH = 1400;
    static final double DEFAULT_HEIGHT = 860;
    private static final double MIN_WIDTH = 900;
    private static final double MIN_HEIGHT = 560;
    private static final double PLACEHOLDER_WIDTH = 440;
    private static final double SIDEBAR_SHARE = 0.16;
    private static final KeyCombination RUN_KEYS = new KeyCodeCombination(KeyCode.ENTER,
            KeyCombination.SHORTCUT_DOWN);

    private final MainWindowViewModel viewModel;
    private final Workbench workbench;
    private final @Nullable AppContext context;
    private final Runnable quitAction;
    private final ToggleGroup themeToggles = new ToggleGroup();
    private final Map<Theme, RadioMenuItem> themeItems = new EnumMap<>(Theme.class);
    private final Map<Workbench.Tab, Tab> tabs = new EnumMap<>(Workbench.Tab.class);
    private final TabPane tabPane = new TabPane();
    private final Menu recentMenu = new Menu("Open _recent");

    /**
     * @param context the app's services, for the Endpoints and first-run dialogs; null hides them (tests of the
     *     shell alone)
     * @param quitAction what File &gt; Quit does once unsaved edits are dealt with
     */
    public MainWindow(MainWindowViewModel viewModel, Workbench workbench, @Nullable AppContext context,
            Runnable quitAction) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.workbench = Objects.requireNonNull(workbench, "workbench");
        this.context = context;
        this.quitAction = Objects.requireNonNull(quitAction, "quitAction");
        createView();
        initListeners();
    }

    /** Puts this window into {@code stage} at its default size, titles it and shows it. */
    public void showIn(Stage stage) {
        stage.titleProperty().bind(workbench.titleProperty());
        Scene scene = new Scene(this, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        // A filter, not only the menu accelerator: the template editor would otherwise take Ctrl+Enter as a newline.
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (RUN_KEYS.match(event)) {
                event.consume();
                run();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnCloseRequest(event -> {
            if (!workbench.confirmDiscard("Quit")) {
                event.consume();
            }
        });
        stage.show();
    }

    /** Runs: on Compare every column, elsewhere the composed prompt. */
    void run() {
        commitFocusedField();
        workbench.run();
    }

    // A number typed in the run bar is only committed on Enter or focus loss; a run from the keyboard needs it now.
    private void commitFocusedField() {
        Scene scene = getScene();
        if (scene != null && scene.getFocusOwner() instanceof TextField field && field.getTextFormatter() != null) {
            field.commitValue();
        }
    }

    private void createView() {
        setTop(new VBox(createMenuBar(), new RunBar(workbench.getRunSettings(), workbench.runningProperty(),
                this::run, workbench::stop, this::showEndpoints)));
        WorkspaceSidebar sidebar = new WorkspaceSidebar(workbench.getWorkspace(), workbench::open,
                workbench::openFolder, workbench.getDocument().fileProperty());
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabPane.getStyleClass().add("shell-tabs");
        addTab(Workbench.Tab.COMPOSE, createCompose());
        addTab(Workbench.Tab.OUTPUT, createOutput());
        addTab(Workbench.Tab.COMPARE, new CompareView(workbench.getCompare(),
                workbench.getTaskVariants(), workbench.getRunSettings().getEndpoints(),
                workbench.getRunSettings().getModels(), workbench::runCompare));
        addTab(Workbench.Tab.EVALUATE, new EvaluateView(workbench.getEvaluate(), workbench.getTaskVariants(),
                workbench::evaluateSetup, workbench::sweepVariants, workbench::openCompletions));
        addTab(Workbench.Tab.HISTORY, new HistoryView(workbench.getHistory(), workbench::openCompletions,
                workbench::reopen));
        SplitPane split = new SplitPane(sidebar, tabPane);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(SIDEBAR_SHARE);
        SplitPane.setResizableWithParent(sidebar, false);
        setCenter(split);
        setBottom(createStatusBar());
    }

    private static String tabTitle(Workbench.Tab which) {
        return switch (which) {
            case COMPOSE -> "Compose";
            case OUTPUT -> "Output";
            case COMPARE -> "Compare";
            case EVALUATE -> "Evaluate";
            case HISTORY -> "History";
        };
    }

    private void addTab(Workbench.Tab which, Node content) {
        Tab tab = new Tab(tabTitle(which), content);
        tab.setId("tab-" + which.name().toLowerCase(Locale.ROOT));
        tab.setUserData(which);
        tabs.put(which, tab);
        tabPane.getTabs().add(tab);
    }

    private Node createCompose() {
        ComposeView compose = new ComposeView(workbench.getCompose());
        Node placeholder = createPlaceholder();
        compose.visibleProperty().bind(workbench.getCompose().hasTaskProperty());
        placeholder.visibleProperty().bind(workbench.getCompose().hasTaskProperty().not());
        return new StackPane(compose, placeholder);
    }

    private Node createOutput() {
        OutputView output = new OutputView(workbench.getOutput());
        output.popup().setBranchAction(new TokenPopup.BranchAction() {
            @Override
            public boolean available() {
                return workbench.getOutput().canBranch();
            }

            @Override
            public void branch(int tokenIndex, int alternative) {
                workbench.branch(tokenIndex, alternative);
            }
        });
        return output;
    }

    private void initListeners() {
        ThemeSwitcher.follow(this, viewModel.themeProperty());
        selectThemeItem(viewModel.getTheme());
        viewModel.themeProperty().addListener((obs, oldTheme, newTheme) -> selectThemeItem(newTheme));
        themeToggles.selectedToggleProperty().addListener((obs, oldToggle, newToggle) -> {
            if (newToggle != null) {
                viewModel.setTheme((Theme) newToggle.getUserData());
            }
        });
        tabPane.getSelectionModel().select(tabs.get(workbench.selectedTabProperty().get()));
        workbench.selectedTabProperty().addListener((obs, old, now) -> tabPane.getSelectionModel()
                .select(tabs.get(now)));
        tabPane.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                Workbench.Tab which = (Workbench.Tab) now.getUserData();
                workbench.selectedTabProperty().set(which);
                if (which == Workbench.Tab.COMPARE) {
                    workbench.prepareCompare();
                } else if (which == Workbench.Tab.HISTORY) {
                    workbench.getHistory().refresh();
                }
            }
        });
        workbench.getWorkspace().getRecentFiles().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
    }

    private void selectThemeItem(Theme theme) {
        themeToggles.selectToggle(themeItems.get(theme));
    }

    private MenuBar createMenuBar() {
        return new MenuBar(createFileMenu(), createRunMenu(), createViewMenu(), createHelpMenu());
    }

    private Menu createFileMenu() {
        MenuItem open = item("_Open…", "shell-open", shortcut(KeyCode.O), workbench::open);
        MenuItem openFolder = item("Open _folder…", "shell-open-folder", null, workbench::openFolder);
        recentMenu.setId("shell-recent");
        MenuItem save = item("_Save", "shell-save", shortcut(KeyCode.S), workbench::save);
        MenuItem saveAs = item("Save _as…", "shell-save-as",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                workbench::saveAs);
        Menu export = new Menu("_Export");
        export.setId("shell-export");
        for (SetExport kind : SetExport.values()) {
            export.getItems().add(item(kind.label(), "shell-export-" + kind.name().toLowerCase(Locale.ROOT), null,
                    () -> workbench.export(kind)));
        }
        MenuItem quit = item("_Quit", "shell-quit", shortcut(KeyCode.Q), this::quit);
        Menu file = new Menu("_File", null, open, openFolder, recentMenu, new SeparatorMenuItem(), save, saveAs,
                export, new SeparatorMenuItem(), quit);
        file.setId("shell-menu-file");
        return file;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path file : workbench.getWorkspace().getRecentFiles()) {
            MenuItem item = new MenuItem(PromptSetFolder.displayName(file) + "  —  " + file.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> workbench.open(file));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void quit() {
        if (workbench.confirmDiscard("Quit")) {
            quitAction.run();
        }
    }

    private Menu createRunMenu() {
        MenuItem run = item("_Run", "shell-run", RUN_KEYS, this::run);
        MenuItem runCompare = item("Run all in _Compare", "shell-run-compare",
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                workbench::runCompare);
        MenuItem stop = item("_Stop", "shell-stop", new KeyCodeCombination(KeyCode.ESCAPE), workbench::stop);
        MenuItem endpoints = item("_Endpoints…", "shell-endpoints", null, this::showEndpoints);
        endpoints.setDisable(context == null);
        Menu menu = new Menu("_Run", null, run, runCompare, stop, new SeparatorMenuItem(), endpoints);
        menu.setId("shell-menu-run");
        return menu;
    }

    private Menu createViewMenu() {
        Menu view = new Menu("_View");
        view.setId("shell-menu-view");
        int number = 1;
        for (Workbench.Tab which : Workbench.Tab.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + number++);
            view.getItems().add(item(tabTitle(which), "shell-show-" + which.name().toLowerCase(Locale.ROOT),
                    shortcut(digit), () -> workbench.selectedTabProperty().set(which)));
        }
        Menu themeMenu = new Menu("_Theme");
        themeMenu.setId("shell-menu-theme");
        for (Theme theme : Theme.values()) {
            var themeItem = new RadioMenuItem(theme.getDisplayName());
            themeItem.setId("shell-theme-" + theme.name().toLowerCase(Locale.ROOT));
            themeItem.setUserData(theme);
            themeItem.setToggleGroup(themeToggles);
            themeItems.put(theme, themeItem);
            themeMenu.getItems().add(themeItem);
        }
        view.getItems().addAll(new SeparatorMenuItem(), themeMenu);
        return view;
    }

    private Menu createHelpMenu() {
        MenuItem start = item("_Getting started…", "shell-first-run", null, this::showFirstRun);
        start.setDisable(context == null);
        MenuItem about = item("_About " + AppVersion.APP_NAME, "shell-about", null,
                () -> AboutDialog.show(getScene().getWindow(), viewModel.getTheme()));
        Menu help = new Menu("_Help", null, start, about);
        help.setId("shell-menu-help");
        return help;
    }

    private static MenuItem item(String text, String id, @Nullable KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (keys != null) {
            item.setAccelerator(keys);
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    /** Opens the Endpoints dialog; saving there reloads the run bar's endpoints. */
    void showEndpoints() {
        if (context != null) {
            EndpointsDialog.create(context, getScene().getWindow(), viewModel.getTheme(),
                    () -> workbench.getRunSettings().reloadEndpoints()).show();
        }
    }

    /** Opens the first-run dialog: a model to start with, downloaded or picked, or a server found here. */
    public void showFirstRun() {
        if (context == null) {
            return;
        }
        FirstRunDialog.create(context, getScene().getWindow(), viewModel.getTheme(), this::showEndpoints)
                .show(this::useFirstRunChoice);
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
                    javafx.application.Platform.runLater(() ->
                            workbench.getRunSettings().reloadEndpoints(endpoint.name()));
                });
            }
            case FirstRunChoice.NewEndpoint created ->
                    workbench.getRunSettings().reloadEndpoints(created.endpoint().name());
            case FirstRunChoice.Nothing nothing -> {
                // The user closed the dialog or went on to the Endpoints dialog, which reloads on save.
            }
        }
    }

    private StackPane createPlaceholder() {
        var title = new Label("No prompt set is open yet");
        title.getStyleClass().add(Styles.SHELL_PLACEHOLDER_TITLE);
        var body = new Label("Open a prompt set with File > Open, or pick one in the sidebar: its tasks, exemplars "
                + "and variants show up here.");
        body.getStyleClass().add(Styles.SHELL_PLACEHOLDER_BODY);
        body.setWrapText(true);
        var card = new VBox(new ThereforeBadge(), title, body);
        card.getStyleClass().add(Styles.SHELL_PLACEHOLDER);
        card.setAlignment(Pos.CENTER);
        // A fixed width lets the body text wrap; the size cap keeps the StackPane from stretching the card.
        card.setPrefWidth(PLACEHOLDER_WIDTH);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane pane = new StackPane(card);
        pane.getStyleClass().add("shell-placeholder-pane");
        return pane;
    }

    private HBox createStatusBar() {
        var status = new Label();
        status.setId("shell-status");
        status.getStyleClass().add(Styles.SHELL_STATUS_TEXT);
        status.textProperty().bind(workbench.statusProperty());
        var themeName = new Label();
        themeName.getStyleClass().add(Styles.SHELL_STATUS_THEME);
        themeName.textProperty().bind(viewModel.themeNameProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(status, spacer, themeName);
        bar.getStyleClass().add(Styles.SHELL_STATUS_BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
