// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.theme.ThemeViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rationale.app.AppContext;
import dev.rationale.app.AppVersion;
import dev.rationale.app.TestContexts;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.theme.Theme;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowUiIT {

    private final AtomicInteger quitRequests = new AtomicInteger();
    private Stage stage;
    private ThemeViewModel viewModel;

    @Start
    void start(Stage primaryStage) throws IOException {
        stage = primaryStage;
        viewModel = new ThemeViewModel();
        Path dir = Files.createTempDirectory("main-window");
        AppContext context = TestContexts.in(dir, dir.resolve("models"));
        MainWindowViewModel workbench = context.mainWindowViewModel(new ScriptedDialogs(), null);
        new MainWindow(viewModel, workbench, context, quitRequests::incrementAndGet).showIn(stage);
    }

    @Test
    void buildsOnlyComposeAtLaunchAndEachOtherTabWhenFirstSelected(FxRobot robot) {
        TabPane tabs = robot.lookup(".shell-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs().stream().filter(tab -> tab.getContent() != null).map(Tab::getText))
                .containsExactly("Compose");

        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.interact(() -> tabs.getSelectionModel().select(3));
        robot.interact(() -> tabs.getSelectionModel().select(4));

        assertThat(tabs.getTabs().stream().filter(tab -> tab.getContent() != null).map(Tab::getText))
                .containsExactly("Compose", "Output", "Evaluate", "History");
        assertThat(robot.lookup(".output-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#evaluate-grid").tryQuery()).isPresent();
        assertThat(robot.lookup(".history-view").tryQuery()).isPresent();
    }

    @Test
    void windowIsTitledWithTheSetAndRationale() {
        assertThat(stage.getTitle()).isEqualTo("Untitled — Rationale");
    }

    @Test
    void startsWithOnlyTheLightStylesheetAndALightBackground(FxRobot robot) {
        assertThat(stage.getScene().getStylesheets()).containsExactly(Theme.LIGHT.getStylesheetUrl());
        assertThat(background(stage.getScene().getRoot()).getBrightness()).isGreaterThan(0.85);
        assertThat(statusBarTheme(robot)).isEqualTo("Light");
        assertThat(robot.lookup(".shell-status-text").queryAs(Label.class).getText()).endsWith("ready");
        assertThat(robot.lookup(".shell-placeholder-title").queryAs(Label.class).getText())
                .isEqualTo("No prompt set is open yet");
    }

    @Test
    void choosingDarkFromTheViewMenuSwapsTheStylesheetAndDarkensTheWindow(FxRobot robot) {
        chooseTheme(robot, "dark");

        assertThat(stage.getScene().getStylesheets()).containsExactly(Theme.DARK.getStylesheetUrl());
        assertThat(background(stage.getScene().getRoot()).getBrightness()).isLessThan(0.3);
        assertThat(background(robot.lookup(".shell-status-bar").query()).getBrightness()).isLessThan(0.3);
        assertThat(statusBarTheme(robot)).isEqualTo("Dark");
        assertThat(viewModel.getTheme()).isEqualTo(Theme.DARK);
    }

    @Test
    void choosingLightAgainRestoresTheLightStylesheet(FxRobot robot) {
        chooseTheme(robot, "dark");
        chooseTheme(robot, "light");

        assertThat(stage.getScene().getStylesheets()).containsExactly(Theme.LIGHT.getStylesheetUrl());
        assertThat(background(stage.getScene().getRoot()).getBrightness()).isGreaterThan(0.85);
        assertThat(statusBarTheme(robot)).isEqualTo("Light");
    }

    @Test
    void menuPopupsAreDarkInTheDarkTheme(FxRobot robot) {
        chooseTheme(robot, "dark");

        robot.clickOn("#shell-menu-view");
        // A menu popup is two nested .context-menu nodes: an unpainted CSS bridge and, inside it, the skin's content
        // region that paints the background.
        Node popup = robot.lookup(".context-menu")
                .match((Node node) -> node.getParent().getStyleClass().contains("context-menu"))
                .query();
        assertThat(background(popup).getBrightness()).isLessThan(0.3);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void themeChangedInTheViewModelChecksTheMatchingMenuItem(FxRobot robot) {
        robot.interact(() -> viewModel.setTheme(Theme.DARK));

        assertThat(themeItem(robot, Theme.DARK).isSelected()).isTrue();
        assertThat(themeItem(robot, Theme.LIGHT).isSelected()).isFalse();
        assertThat(stage.getScene().getStylesheets()).containsExactly(Theme.DARK.getStylesheetUrl());
    }

    @Test
    void ctrlQAsksToQuit(FxRobot robot) {
        robot.clickOn(".shell-placeholder");
        robot.push(KeyCode.CONTROL, KeyCode.Q);

        assertThat(quitRequests).hasValue(1);
    }

    @Test
    void aboutShowsTheAppNameAndVersionInTheCurrentTheme(FxRobot robot) {
        chooseTheme(robot, "dark");
        robot.clickOn("#shell-menu-help").clickOn("#shell-about");

        DialogPane about = robot.lookup(".shell-about").queryAs(DialogPane.class);
        assertThat(about.getHeaderText()).isEqualTo("Rationale");
        assertThat(about.getContentText())
                .contains("Version " + AppVersion.current())
                .containsPattern("Version (\\d+\\.\\d+\\S*|development build)");
        assertThat(about.getScene().getStylesheets()).containsExactly(Theme.DARK.getStylesheetUrl());
        assertThat(background(about).getBrightness()).isLessThan(0.3);

        robot.clickOn(robot.lookup(".shell-about .button").queryButton());
        assertThat(robot.lookup(".shell-about").tryQuery()).isEmpty();
    }

    @Test
    void sceneSnapshotSavesWhatTheWindowShows(FxRobot robot, @TempDir Path dir) throws IOException {
        chooseTheme(robot, "dark");
        Path png = dir.resolve("shots/dark.png");

        robot.interact(() -> saveSnapshot(png));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) stage.getScene().getWidth());
        assertThat(image.getHeight()).isEqualTo((int) stage.getScene().getHeight());
        // Just above the status bar, at the left edge, only the root's background shows.
        Color pixel = argb(image.getRGB(5, image.getHeight() - 40));
        assertThat(pixel.getBrightness()).isLessThan(0.3);
    }

    private void chooseTheme(FxRobot robot, String name) {
        robot.clickOn("#shell-menu-view").clickOn("#shell-menu-theme").clickOn("#shell-theme-" + name);
    }

    private void saveSnapshot(Path png) {
        try {
            SceneSnapshot.save(stage.getScene(), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statusBarTheme(FxRobot robot) {
        return robot.lookup(".shell-status-theme").queryAs(Label.class).getText();
    }

    private static RadioMenuItem themeItem(FxRobot robot, Theme theme) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream())
                .filter(item -> "shell-menu-theme".equals(item.getId()))
                .flatMap(item -> ((Menu) item).getItems().stream())
                .map(RadioMenuItem.class::cast)
                .filter(item -> item.getUserData() == theme)
                .findFirst()
                .orElseThrow();
    }

    private static Color background(Node node) {
        var region = (Region) node;
        assertThat(region.getBackground()).as("background of %s", node).isNotNull();
        return (Color) region.getBackground().getFills().getFirst().getFill();
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }
}
