// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import dev.rationale.app.AppVersion;
import dev.rationale.app.exchange.SetExport;
import dev.rationale.app.theme.Theme;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.core.workspace.PromptSetFolder;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.jspecify.annotations.Nullable;

/**
 * The main window's menu bar: File (open, recent, save, export, quit), Run, View (the tabs and the theme) and Help.
 * Every action is here, with its keys; the recent list and the theme's radio items follow the view models. Build and
 * use it on the FX thread.
 */
final class MainMenus extends MenuBar {

    /** Ctrl+Enter: runs. */
    static final KeyCombination RUN_KEYS = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    /** What the menus do beyond the view models: what only the window can do. */
    interface WindowActions {
        /** Runs, after committing the field being typed in. */
        void run();

        void quit();

        void showEndpoints();

        void showFirstRun();

        void showAbout();

        /** Whether the Endpoints and first-run dialogs can be opened (they need the app's services). */
        boolean hasDialogs();
    }

    private final MainWindowViewModel viewModel;
    private final ThemeViewModel theme;
    private final WindowActions window;
    private final ToggleGroup themeToggles = new ToggleGroup();
    private final Map<Theme, RadioMenuItem> themeItems = new EnumMap<>(Theme.class);
    private final Menu recentMenu = new Menu("Open _recent");

    MainMenus(MainWindowViewModel viewModel, ThemeViewModel theme, WindowActions window) {
        this.viewModel = viewModel;
        this.theme = theme;
        this.window = window;
        getMenus().addAll(createFileMenu(), createRunMenu(), createViewMenu(), createHelpMenu());
        initListeners();
    }

    private void initListeners() {
        selectThemeItem(theme.getTheme());
        theme.themeProperty().addListener((obs, oldTheme, newTheme) -> selectThemeItem(newTheme));
        themeToggles.selectedToggleProperty().addListener((obs, oldToggle, newToggle) -> {
            if (newToggle != null) {
                theme.setTheme((Theme) newToggle.getUserData());
            }
        });
        viewModel.getWorkspace().getRecentFiles().addListener((ListChangeListener<Path>) change -> fillRecent());
        fillRecent();
    }

    private void selectThemeItem(Theme selected) {
        themeToggles.selectToggle(themeItems.get(selected));
    }

    private Menu createFileMenu() {
        DocumentActions documents = viewModel.getDocuments();
        MenuItem open = item("_Open…", "shell-open", shortcut(KeyCode.O), documents::open);
        MenuItem openFolder = item("Open _folder…", "shell-open-folder", null, documents::openFolder);
        recentMenu.setId("shell-recent");
        MenuItem save = item("_Save", "shell-save", shortcut(KeyCode.S), documents::save);
        MenuItem saveAs = item("Save _as…", "shell-save-as",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                documents::saveAs);
        Menu export = new Menu("_Export");
        export.setId("shell-export");
        for (SetExport kind : SetExport.values()) {
            export.getItems().add(item(kind.label(), "shell-export-" + kind.name().toLowerCase(Locale.ROOT), null,
                    () -> viewModel.getExporter().export(kind)));
        }
        MenuItem quit = item("_Quit", "shell-quit", shortcut(KeyCode.Q), window::quit);
        Menu file = new Menu("_File", null, open, openFolder, recentMenu, new SeparatorMenuItem(), save, saveAs,
                export, new SeparatorMenuItem(), quit);
        file.setId("shell-menu-file");
        return file;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path file : viewModel.getWorkspace().getRecentFiles()) {
            MenuItem item = new MenuItem(PromptSetFolder.displayName(file) + "  —  " + file.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(event -> viewModel.getDocuments().open(file));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Menu createRunMenu() {
        RunCoordinator runs = viewModel.getRuns();
        MenuItem run = item("_Run", "shell-run", RUN_KEYS, window::run);
        MenuItem runCompare = item("Run all in _Compare", "shell-run-compare",
                new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                runs::runCompare);
        MenuItem stop = item("_Stop", "shell-stop", new KeyCodeCombination(KeyCode.ESCAPE), runs::stop);
        MenuItem endpoints = item("_Endpoints…", "shell-endpoints", null, window::showEndpoints);
        endpoints.setDisable(!window.hasDialogs());
        Menu menu = new Menu("_Run", null, run, runCompare, stop, new SeparatorMenuItem(), endpoints);
        menu.setId("shell-menu-run");
        return menu;
    }

    private Menu createViewMenu() {
        Menu view = new Menu("_View");
        view.setId("shell-menu-view");
        int number = 1;
        for (CentreTab which : CentreTab.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + number++);
            view.getItems().add(item(MainWindow.tabTitle(which), "shell-show-" + which.name().toLowerCase(Locale.ROOT),
                    shortcut(digit), () -> viewModel.selectedTabProperty().set(which)));
        }
        Menu themeMenu = new Menu("_Theme");
        themeMenu.setId("shell-menu-theme");
        for (Theme each : Theme.values()) {
            var themeItem = new RadioMenuItem(each.getDisplayName());
            themeItem.setId("shell-theme-" + each.name().toLowerCase(Locale.ROOT));
            themeItem.setUserData(each);
            themeItem.setToggleGroup(themeToggles);
            themeItems.put(each, themeItem);
            themeMenu.getItems().add(themeItem);
        }
        view.getItems().addAll(new SeparatorMenuItem(), themeMenu);
        return view;
    }

    private Menu createHelpMenu() {
        MenuItem start = item("_Getting started…", "shell-first-run", null, window::showFirstRun);
        start.setDisable(!window.hasDialogs());
        MenuItem about = item("_About " + AppVersion.APP_NAME, "shell-about", null, window::showAbout);
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
}
