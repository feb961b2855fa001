// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid against a baseline the user picks: an evaluation of two variants on a dataset whose every case expects 8,
 * which the canned server answers only with the step-by-step trigger, so one variant wins every case.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluateBaselineUiIT {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private CannedServer mock;
    private EvaluateViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        stage = primary;
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "evaluate-baseline");
        Path setFile = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        StringBuilder csv = new StringBuilder("id,question,expected\n");
        for (int i = 1; i <= 6; i++) {
            csv.append("e").append(i).append(",What is ").append(i).append(" + ").append(8 - i).append("?,8\n");
        }
        Path dataset = Files.writeString(dir.resolve("eights.csv"), csv);
        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.tasks().getFirst();
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow(),
                task.variant("zero-shot-cot").orElseThrow());
        mock = CannedServer.started();
        var endpoint = mock.endpoint("mock-text", ProviderKind.OPENAI_TEXT);
        viewModel = new EvaluateViewModel(mock.providers, dir.resolve("scratch"), Platform::runLater, background,
                Clock.systemUTC());
        viewModel.datasetProperty().set(dataset);
        EvaluateView view = new EvaluateView(viewModel, FXCollections.observableArrayList(variants),
                chosen -> new EvaluateViewModel.Setup(set, setFile, task, chosen, endpoint, "mock"), List::of,
                completions -> { });
        Scene scene = new Scene(view, 1400, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        primary.setScene(scene);
        primary.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        mock.close();
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void theOtherVariantsAreComparedWithTheBaselineTheUserPicks(FxRobot robot) throws Exception {
        Node bar = robot.lookup("#evaluate-baseline").query().getParent();
        assertThat(onFx(bar::isVisible)).as("nothing to compare before an evaluation").isFalse();

        robot.clickOn("#evaluate-start");
        waitFor(() -> pairedTexts(robot).stream().anyMatch(text -> text.endsWith("*")));

        assertThat(onFx(bar::isVisible)).isTrue();
        ComboBox<?> picker = robot.lookup("#evaluate-baseline").queryAs(ComboBox.class);
        assertThat(onFx(() -> ((BaselineViewModel.Choice) picker.getValue()).id())).isEqualTo("zero-shot");
        assertThat(onFx(() -> viewModel.getCells().stream().map(CellMetrics::correct).toList()))
                .containsExactly(0, 6);
        // zero-shot-cot wins all six: only A 0 / only B 6, p = 2 / 2^6.
        assertThat(pairedTexts(robot)).containsExactly("baseline", "+100.0 · p 0.031 *");
        assertThat(texts(robot, "#evaluate-grid .evaluate-significant-better"))
                .containsExactly("+100.0 · p 0.031 *");
        snapshot("evaluate-baseline.png");

        robot.clickOn(picker).type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitFor(() -> pairedTexts(robot).indexOf("baseline") == 1);

        assertThat(onFx(() -> ((BaselineViewModel.Choice) picker.getValue()).id())).isEqualTo("zero-shot-cot");
        assertThat(pairedTexts(robot)).containsExactly("-100.0 · p 0.031 *", "baseline");
        assertThat(texts(robot, "#evaluate-grid .evaluate-significant-worse"))
                .containsExactly("-100.0 · p 0.031 *");
        assertThat(texts(robot, "#evaluate-grid .evaluate-significant-better")).isEmpty();

        // Sorted by the user, the grid stays sorted when the next evaluation's figures replace its rows.
        TableView<?> grid = robot.lookup("#evaluate-grid").queryAs(TableView.class);
        Node correct = robot.lookup("#evaluate-grid .column-header .label").match(
                (Label label) -> "Correct".equals(label.getText())).query();
        robot.clickOn(correct).clickOn(correct);
        assertThat(correctInGrid(grid)).as("most correct first").containsExactly(6, 0);
        CellMetrics before = onFx(() -> viewModel.getCells().getFirst());
        robot.clickOn("#evaluate-start");
        waitFor(() -> onFx(() -> !viewModel.getCells().isEmpty() && viewModel.getCells().getFirst() != before
                && !viewModel.runningProperty().get()));
        assertThat(onFx(() -> viewModel.getCells().stream().map(CellMetrics::correct).toList()))
                .as("the view model keeps the plan's order").containsExactly(0, 6);
        assertThat(correctInGrid(grid)).as("still most correct first").containsExactly(6, 0);
    }

    private static List<Integer> correctInGrid(TableView<?> grid) {
        return onFx(() -> grid.getItems().stream().map(row -> ((CellMetrics) row).correct()).toList());
    }

    private static List<String> pairedTexts(FxRobot robot) {
        return onFx(() -> robot.lookup("#evaluate-grid .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getTableColumn() != null
                        && "evaluate-paired-column".equals(cell.getTableColumn().getId()))
                .map(node -> (TableCell<?, ?>) node).sorted(Comparator.comparingInt(TableCell::getIndex))
                .map(Labeled::getText).filter(text -> text != null).toList());
    }

    private static List<String> texts(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).queryAll().stream().map(n -> ((Labeled) n).getText())
                .filter(text -> text != null).toList());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // For a person to look at: target/ui-snapshots/evaluate-baseline.png.
    private void snapshot(String name) throws Exception {
        onFx(() -> {
            try {
                SceneSnapshot.save(stage.getScene(), Path.of("target/ui-snapshots").resolve(name));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }
}
