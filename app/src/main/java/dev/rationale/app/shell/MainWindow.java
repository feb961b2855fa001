// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.rationale.app.AppVersion;
import dev.rationale.app.fx.Styles;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.theme.ThemeSwitcher;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window's content: menu bar on top, the workspace in the centre (a placeholder until a prompt set is
 * open), a status bar at the bottom. It styles whatever scene it is placed in with the view model's theme. Build and
 * use it on the FX thread.
 */
public final class MainWindow extends BorderPane {

    /** The title of the main window. */
    public static final String TITLE = AppVersion.APP_NAME;

    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;
    private static final double MIN_WIDTH = 640;
    private static final double MIN_HEIGHT = 400;
    private static final double PLACEHOLDER_WIDTH = 440;

    private final MainWindowViewModel viewModel;
    private final Runnable quitAction;
    private final ToggleGroup themeToggles = new ToggleGroup();
    private final Map<Theme, RadioMenuItem> themeItems = new EnumMap<>(Theme.class);

    /**
     * @param viewModel  the window's state
     * @param quitAction what File &gt; Quit does (the app exits the platform; tests record the call)
     */
    public MainWindow(MainWindowViewModel viewModel, Runnable quitAction) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.quitAction = Objects.requireNonNull(quitAction, "quitAction");
        createView();
        initListeners();
    }

    /** Puts this window into {@code stage} at its default size, titles it and shows it. */
    public void showIn(Stage stage) {
        stage.setTitle(TITLE);
        stage.setScene(new Scene(this, DEFAULT_WIDTH, DEFAULT_HEIGHT));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();
    }

    private void createView() {
        setTop(createMenuBar());
        setCenter(createPlaceholder());
        setBottom(createStatusBar());
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
    }

    private void selectThemeItem(Theme theme) {
        themeToggles.selectToggle(themeItems.get(theme));
    }

    private MenuBar createMenuBar() {
        return new MenuBar(createFileMenu(), createViewMenu(), createHelpMenu());
    }

    private Menu createFileMenu() {
        var quit = new MenuItem("_Quit");
        quit.setId("shell-quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(event -> quitAction.run());
        var file = new Menu("_File", null, quit);
        file.setId("shell-menu-file");
        return file;
    }

    private Menu createViewMenu() {
        var themeMenu = new Menu("_Theme");
        themeMenu.setId("shell-menu-theme");
        for (Theme theme : Theme.values()) {
            var item = new RadioMenuItem(theme.getDisplayName());
            item.setId("shell-theme-" + theme.name().toLowerCase(Locale.ROOT));
            item.setUserData(theme);
            item.setToggleGroup(themeToggles);
            themeItems.put(theme, item);
            themeMenu.getItems().add(item);
        }
        var view = new Menu("_View", null, themeMenu);
        view.setId("shell-menu-view");
        return view;
    }

    private Menu createHelpMenu() {
        var about = new MenuItem("_About " + AppVersion.APP_NAME);
        about.setId("shell-about");
        about.setOnAction(event -> AboutDialog.show(getScene().getWindow(), viewModel.getTheme()));
        var help = new Menu("_Help", null, about);
        help.setId("shell-menu-help");
        return help;
    }

    private StackPane createPlaceholder() {
        var title = new Label("No prompt set is open yet");
        title.getStyleClass().add(Styles.SHELL_PLACEHOLDER_TITLE);
        var body = new Label("Once you open or create a prompt set, its tasks, exemplars and variants show up here.");
        body.getStyleClass().add(Styles.SHELL_PLACEHOLDER_BODY);
        body.setWrapText(true);
        var card = new VBox(new ThereforeBadge(), title, body);
        card.getStyleClass().add(Styles.SHELL_PLACEHOLDER);
        card.setAlignment(Pos.CENTER);
        // A fixed width lets the body text wrap; the size cap keeps the StackPane from stretching the card.
        card.setPrefWidth(PLACEHOLDER_WIDTH);
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return new StackPane(card);
    }

    private HBox createStatusBar() {
        var status = new Label();
        status.getStyleClass().add(Styles.SHELL_STATUS_TEXT);
        status.textProperty().bind(viewModel.statusTextProperty());
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
