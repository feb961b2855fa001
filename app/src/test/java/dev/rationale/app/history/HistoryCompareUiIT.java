// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
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

/** Picking two runs in the History tab with the mouse and comparing them. */
@ExtendWith(ApplicationExtension.class)
class HistoryCompareUiIT {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final RunTarget SMALL = new RunTarget("local", ProviderKind.OLLAMA, "small");
    private static final RunTarget LARGE = new RunTarget("local", ProviderKind.OLLAMA, "large");

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Path workspace;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        stage = primary;
        workspace = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "history-ui");
        storeTwoRuns(workspace);
        HistoryViewModel viewModel = new HistoryViewModel(() -> workspace, Platform::runLater, background,
                new ScriptedDialogs(), new RecordingRerunHost(new Endpoint("local", ProviderKind.OLLAMA,
                        "http://127.0.0.1:9/", null, null)));
        Scene scene = new Scene(new HistoryView(viewModel, completions -> { }, run -> { }), 1200, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        primary.setScene(scene);
        primary.show();
        viewModel.refresh();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    // small: 1 of 4 before, 3 of 4 after (two fixed); large: 4 of 4 before, 3 of 4 after (one broke).
    private static void storeTwoRuns(Path folder) {
        try (HistoryStore store = HistoryStore.open(folder)) {
            for (String id : List.of("before", "after")) {
                store.startRun(Run.started(id, RunKind.EVALUATION, id.equals("before") ? START : START.plusSeconds(60),
                        "arithmetic.rationale.json", "Grade-school arithmetic", "arithmetic", List.of("cot-8"),
                        List.of(SMALL, LARGE), GenerationSettings.NONE, 8));
            }
            List<CompletionRecord> records = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                records.add(completion("before", SMALL, c, c == 0 ? Verdict.CORRECT : Verdict.WRONG));
                records.add(completion("after", SMALL, c, c == 3 ? Verdict.WRONG : Verdict.CORRECT));
                records.add(completion("before", LARGE, c, Verdict.CORRECT));
                records.add(completion("after", LARGE, c, c == 3 ? Verdict.WRONG : Verdict.CORRECT));
            }
            store.recordAll(records);
        }
    }

    private static CompletionRecord completion(String runId, RunTarget target, int index, Verdict grade) {
        return new CompletionRecord(new RunCompletionKey(runId, "cot-8", target, "case-" + index, 0),
                CompletionRequest.of(target.model(), new RenderedPrompt.Text("Q" + index)), "so 4", "", List.of(),
                grade == Verdict.CORRECT ? "4" : "5", "4", grade, null, null, null, null, START);
    }

    @Test
    void twoRunsPickedWithCtrlClickAreComparedAndTheBetterOneIsNamed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 2));
        Button compare = robot.lookup("#history-compare").queryButton();
        Button rerun = robot.lookup("#history-rerun").queryButton();

        robot.clickOn(row(robot, 0));
        assertThat(onFx(compare::isDisabled)).isTrue();
        assertThat(onFx(rerun::isDisabled)).isFalse();
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 1)).release(KeyCode.CONTROL);
        assertThat(onFx(compare::isDisabled)).isFalse();
        assertThat(onFx(rerun::isDisabled)).as("a rerun is of one run").isTrue();
        robot.clickOn(compare);

        Node pane = robot.lookup("#history-comparison").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(pane::isVisible));
        assertThat(onFx(() -> robot.lookup("#history-verdict").queryAs(Label.class).getText()))
                .startsWith("B is better: 75.0% vs 62.5% on 8 paired cases (+12.5 points")
                .endsWith("only B right on 2, only A on 1; McNemar p = 1.000: not significant. 2 fixed, 1 broke.");
        assertThat(onFx(() -> robot.lookup("#history-run-a").queryAs(Label.class).getText()))
                .startsWith("A (older): before");
        TableView<?> cells = robot.lookup("#history-comparison-cells").queryAs(TableView.class);
        assertThat(onFx(() -> cells.getItems().size())).isEqualTo(2);
        // The tables' cells are made by a layout pass after their items are set: wait for the styled ones.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() ->
                !texts(robot, "#history-comparison-cells .history-worse").isEmpty()
                        && !texts(robot, "#history-comparison-changes .history-worse").isEmpty()));
        assertThat(onFx(() -> texts(robot, "#history-comparison-cells .history-better")))
                .containsExactly("+50.0 points");
        assertThat(onFx(() -> texts(robot, "#history-comparison-cells .history-worse")))
                .containsExactly("-25.0 points");
        assertThat(onFx(() -> texts(robot, "#history-comparison-changes .history-better")))
                .containsExactly("fixed", "fixed");
        assertThat(onFx(() -> texts(robot, "#history-comparison-changes .history-worse")))
                .containsExactly("broke");
        snapshot("history-compare.png");

        // A refresh (the button, or a run finishing while History is shown) keeps the two rows and their comparison.
        Run listed = onFx(() -> runs(robot).getItems().getFirst());
        robot.clickOn("#history-refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().getFirst() != listed));
        assertThat(onFx(() -> runs(robot).getSelectionModel().getSelectedItems().stream().map(Run::id).sorted()
                .toList())).containsExactly("after", "before");
        assertThat(onFx(pane::isVisible)).isTrue();
        assertThat(onFx(compare::isDisabled)).isFalse();
        robot.clickOn(row(robot, 1));
        assertThat(onFx(() -> runs(robot).getSelectionModel().getSelectedItems().stream().map(Run::id).toList()))
                .as("a plain click picks one run").containsExactly("before");
        assertThat(onFx(pane::isVisible)).isFalse();
        robot.press(KeyCode.CONTROL).clickOn(row(robot, 0)).release(KeyCode.CONTROL);
        robot.clickOn(compare);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(pane::isVisible));

        robot.clickOn("#history-close-comparison");
        assertThat(onFx(pane::isVisible)).isFalse();
        assertThat(onFx(() -> robot.lookup("#history-completions").query().isVisible())).isTrue();
    }

    @Test
    void aSortedListStaysSortedWhenItIsReadAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 2));
        assertThat(onFx(() -> runs(robot).getItems().stream().map(Run::id).toList())).as("newest first")
                .containsExactly("after", "before");

        robot.clickOn(robot.lookup("#history-runs .column-header").lookup(".label").match(
                (Label label) -> "Started".equals(label.getText())).queryAs(Label.class));
        assertThat(onFx(() -> runs(robot).getItems().stream().map(Run::id).toList())).as("oldest first")
                .containsExactly("before", "after");
        Run listed = onFx(() -> runs(robot).getItems().getFirst());
        robot.clickOn("#history-refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().stream()
                .noneMatch(run -> run == listed)));

        assertThat(onFx(() -> runs(robot).getItems().stream().map(Run::id).toList())).as("still oldest first")
                .containsExactly("before", "after");
    }

    @Test
    void theKindChoiceListsOnlyRunsOfThatKind(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 2));
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.recordRun(Run.started("column", RunKind.COMPARE, START.plusSeconds(120), null,
                    "Grade-school arithmetic", "arithmetic", List.of("zero-shot"), List.of(SMALL),
                    GenerationSettings.NONE, 1).ended(RunStatus.COMPLETED, START.plusSeconds(121)),
                    List.of(completion("column", SMALL, 0, Verdict.CORRECT)));
        }

        robot.clickOn("#history-kind").clickOn("compare columns");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 1));
        assertThat(onFx(() -> runs(robot).getItems().getFirst().id())).isEqualTo("column");
        robot.clickOn("#history-kind").clickOn("all runs");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 3));
    }

    @Test
    void thePickedRunShowsPassMajAndConsAtKPerCellWithExplainedHeaders(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 2));
        // Case 0: right, wrong, right, right; case 1: wrong four times.
        List<CompletionRecord> records = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            records.add(sample("sampled", 0, s, s == 1 ? Verdict.WRONG : Verdict.CORRECT));
            records.add(sample("sampled", 1, s, Verdict.WRONG));
        }
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.recordRun(Run.started("sampled", RunKind.EVALUATION, START.plusSeconds(120), null,
                    "Grade-school arithmetic", "arithmetic", List.of("cot-8"), List.of(SMALL),
                    GenerationSettings.NONE, 8).ended(RunStatus.COMPLETED, START.plusSeconds(121)), records);
        }
        robot.clickOn("#history-refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs(robot).getItems().size() == 3));

        robot.interact(() -> runs(robot).getSelectionModel().clearAndSelect(0));

        TableView<?> cells = robot.lookup("#history-cells").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> cells.getItems().size() == 1));
        assertThat(onFx(() -> List.of("at-k-pass1", "at-k-k", "at-k-passk", "at-k-majk", "at-k-consk").stream()
                .map(id -> String.valueOf(column(cells, id).getCellData(0))).toList()))
                .containsExactly("37.5%", "4", "50.0%", "50.0%", "50.0%");
        assertThat(onFx(() -> ((Label) column(cells, "at-k-consk").getGraphic()).getTooltip().getText()))
                .contains("averaged over every draw");
        assertThat(onFx(cells::isVisible)).isTrue();

        robot.interact(() -> runs(robot).getSelectionModel().clearAndSelect(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> cells.getItems().size() == 2));
        assertThat(onFx(() -> List.of(column(cells, "at-k-pass1").getCellData(0),
                column(cells, "at-k-passk").getCellData(0))))
                .as("one sample per case: the k columns would repeat pass@1").containsExactly("75.0%", "–");
        snapshot("history-cells.png");
    }

    private static javafx.scene.control.TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    private static CompletionRecord sample(String runId, int index, int sample, Verdict grade) {
        return new CompletionRecord(new RunCompletionKey(runId, "cot-8", SMALL, "case-" + index, sample),
                CompletionRequest.of(SMALL.model(), new RenderedPrompt.Text("Q" + index)), "so 4", "", List.of(),
                grade == Verdict.CORRECT ? "4" : "5", "4", grade, null, null, null, null, START);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Run> runs(FxRobot robot) {
        return robot.lookup("#history-runs").queryAs(TableView.class);
    }

    // Row cells are reused in any order as the table lays out: the one showing row {@code index}.
    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#history-runs .table-row-cell").match((TableRow<?> row) -> row.getIndex() == index)
                .query();
    }

    private static List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream().map(n -> ((javafx.scene.control.Labeled) n).getText())
                .filter(text -> text != null).toList();
    }

    // For a person to look at: target/ui-snapshots/history-compare.png.
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
