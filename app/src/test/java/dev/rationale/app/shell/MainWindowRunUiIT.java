// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.AppContext;
import dev.rationale.app.TestContexts;
import dev.rationale.app.compare.CannedCompletions;
import dev.rationale.app.compare.CompareView;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.output.OutputView;
import dev.rationale.app.output.RunState;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.CaseResult;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.provider.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window driven from the keyboard: open a set, run it on a MockWebServer, switch tabs, save; and after a
 * small evaluation, open a case's completions from the Evaluate tab.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowRunUiIT {

    private final MockWebServer server = new MockWebServer();
    private final CannedCompletions completions = new CannedCompletions();
    private AppContext context;
    private MainWindowViewModel workbench;
    private MainWindow window;
    private Path file;

    @Start
    void start(Stage stage) throws IOException {
        server.setDispatcher(completions);
        server.start();
        Path dir = Files.createTempDirectory("main-window-run");
        context = TestContexts.in(dir, dir.resolve("models"));
        context.endpoints().put(new Endpoint("mock-text", ProviderKind.OPENAI_TEXT, server.url("/v1").toString(),
                "mock", null));
        file = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        workbench = context.mainWindowViewModel(new ScriptedDialogs(), null);
        window = new MainWindow(new ThemeViewModel(), workbench, context, () -> { });
        window.showIn(stage);
        workbench.getRunSettings().reloadEndpoints();
        workbench.getDocuments().open(file);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(workbench::dispose);
        context.close();
        server.close();
    }

    @Test
    void ctrlEnterRunsTheComposedPromptIntoAHeatMapAndCtrlThreeShowsCompare(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.getCompose().hasTaskProperty().get()
                && "mock".equals(workbench.getRunSettings().modelProperty().get()));
        robot.interact(() -> workbench.getCompose().selectVariant("zero-shot"));

        focusWindow(robot);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> workbench.getOutput().getState() == RunState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup(".shell-tabs").queryAs(TabPane.class);
        assertOutputShowsTheCannedAnswer(robot);
        assertThat(robot.lookup("#shell-status").queryAs(Label.class).getText())
                .isEqualTo("mock-text · mock · done");
        assertThat(completions.bodies().getLast().path("prompt").asText()).startsWith("Solve each word problem.");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);

        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Compare");
        assertThat(workbench.getCompare().getColumns()).hasSize(2);
    }

    @Test
    void escapeStopsARunningAnswerAndKeepsWhatArrived(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.getCompose().hasTaskProperty().get()
                && "mock".equals(workbench.getRunSettings().modelProperty().get()));
        completions.stallNext();

        // Fired, not clicked: a robot click in the headless screen has now and then missed a node just shown.
        robot.interact(() -> robot.lookup("#run-button").queryButton().fire());
        focusWindow(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.getOutput().getTokens().size() == 2);
        assertThat(robot.lookup("#stop-button").queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).isTrue();

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> workbench.getOutput().getState() == RunState.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.getOutput().getText()).isEqualTo("3 +");
        assertThat(robot.lookup("#shell-status").queryAs(Label.class).getText()).endsWith("· stopped");
        assertThat(robot.lookup("#run-button").queryButton().isDisabled()).isFalse();
    }

    @Test
    void anEditMarksTheTitleAndCtrlSSavesIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.getCompose().hasTaskProperty().get());
        Stage stage = (Stage) window.getScene().getWindow();

        robot.interact(() -> workbench.getCompose().getTemplateFields().setInstruction("Answer briefly."));

        assertThat(stage.getTitle()).isEqualTo("Grade-school arithmetic • — Rationale");

        focusWindow(robot);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.getDocument().isDirty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getTitle()).isEqualTo("Grade-school arithmetic — Rationale");
        assertThat(PromptSetFiles.load(file).tasks().getFirst().template().instruction())
                .isEqualTo("Answer briefly.");
    }

    @Test
    void doubleClickingACaseShowsItsStoredTokensInOutput(FxRobot robot) throws Exception {
        evaluate(robot, null);
        Node firstCase = pickFirstCell(robot);

        doubleClick(robot, firstCase);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> workbench.selectedTabProperty().get()) == CentreTab.OUTPUT);
        WaitForAsyncUtils.waitForFxEvents();
        OutputView output = assertOutputShowsTheCannedAnswer(robot);
        assertThat(onFx(() -> ((Label) output.lookup("#output-origin")).getText()))
                .startsWith("Run ").contains(" · Zero-shot, answer only · mock-text/mock · case ");
        assertThat(onFx(() -> ((Label) output.lookup("#output-answer")).getText())).isEqualTo("7");
        // One request for the evaluation; opening the case asked for nothing.
        assertThat(completions.bodies()).filteredOn(body -> body.has("prompt")).hasSize(1);
    }

    @Test
    void enterOnACaseWithSeveralSamplesShowsThemSideBySideInCompare(FxRobot robot) throws Exception {
        evaluate(robot, 3);
        Node firstCase = pickFirstCell(robot);
        robot.clickOn(firstCase);

        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> workbench.selectedTabProperty().get()) == CentreTab.COMPARE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".compare-column").queryAll()).hasSize(3);
        CompareView compare = robot.lookup(".compare-view").queryAs(CompareView.class);
        assertThat(onFx(() -> workbench.getCompare().getColumns().stream()
                .map(c -> compare.outputOf(c).heatMap().tokenCount()).toList())).containsExactly(9, 9, 9);
        assertThat(onFx(() -> workbench.getCompare().getColumns().stream()
                .map(c -> ((Label) compare.outputOf(c).lookup("#output-answer")).getText()).toList()))
                .containsExactly("7", "7", "7");
        assertThat(robot.lookup("#compare-agreement").queryAs(Label.class).getText())
                .contains("Majority answer 7: 3 of 3").contains("unanimous");
    }

    // The Output tab is shown with the canned answer's nine tokens, coloured by how sure the model was.
    private OutputView assertOutputShowsTheCannedAnswer(FxRobot robot) {
        TabPane tabs = robot.lookup(".shell-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Output");
        OutputView output = robot.lookup(".output-view").queryAllAs(OutputView.class).stream()
                .filter(view -> view.viewModel() == workbench.getOutput()).findFirst().orElseThrow();
        assertThat(output.heatMap().tokenCount()).isEqualTo(9);
        // The first number was chosen at p = e^-0.2 ≈ 0.82; the other tokens at e^-0.05 ≈ 0.95.
        assertThat(output.heatMap().styleOfToken(CannedCompletions.FIRST_NUMBER))
                .isNotEqualTo(output.heatMap().styleOfToken(0));
        return output;
    }

    // Runs the zero-shot variant on the first case of the task, with {@code samples} answers per case.
    private void evaluate(FxRobot robot, Integer samples) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> workbench.getCompose().hasTaskProperty()
                .get() && "mock".equals(workbench.getRunSettings().modelProperty().get())));
        robot.interact(() -> {
            workbench.selectedTabProperty().set(CentreTab.EVALUATE);
            workbench.getEvaluate().limitProperty().set(1);
            workbench.getEvaluate().samplesProperty().set(samples);
            workbench.getEvaluate().start(workbench.getRuns().evaluateSetup(List.of(workbench.getCompose().currentTask()
                    .variant("zero-shot").orElseThrow())), false);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> !workbench.getEvaluate().runningProperty()
                .get() && !workbench.getEvaluate().getCells().isEmpty()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    // Headless Monocle counts each click of a robot double-click as a first click, so the second one is sent as the
    // toolkit would send it: a press, release and click with a count of 2, after a real first click.
    private static void doubleClick(FxRobot robot, Node node) {
        robot.clickOn(node);
        Bounds bounds = onFx(() -> node.localToScreen(node.getBoundsInLocal()));
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        Point2D local = onFx(() -> node.screenToLocal(x, y));
        robot.interact(() -> {
            for (EventType<MouseEvent> type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED,
                    MouseEvent.MOUSE_CLICKED)) {
                Event.fireEvent(node, new MouseEvent(type, local.getX(), local.getY(), x, y, MouseButton.PRIMARY, 2,
                        false, false, false, false, type == MouseEvent.MOUSE_PRESSED, false, false, true, false,
                        true, null));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Node pickFirstCell(FxRobot robot) {
        TableView<CellMetrics> grid = robot.lookup("#evaluate-grid").queryAs(TableView.class);
        robot.interact(() -> grid.getSelectionModel().select(0));
        // The Cases tab is shown and its rows laid out on the next pulses.
        WaitForAsyncUtils.waitForFxEvents();
        TableView<CaseResult> cases = robot.lookup("#evaluate-cases").queryAs(TableView.class);
        assertThat(onFx(() -> cases.getItems().size())).isEqualTo(1);
        return robot.lookup("#evaluate-cases .table-row-cell")
                .match((TableRow<CaseResult> row) -> row.getIndex() == 0 && !row.isEmpty()).query();
    }

    // Keys go to the focused window and its focused control; the task picker is one that takes no shortcut keys.
    private void focusWindow(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = (Stage) window.getScene().getWindow();
            stage.toFront();
            stage.requestFocus();
            window.lookup("#compose-task").requestFocus();
        });
    }
}
