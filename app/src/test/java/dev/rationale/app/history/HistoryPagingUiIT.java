// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.CompletionRow;
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
import java.util.stream.IntStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A run of 3,000 completions in the History tab: listed a page at a time, narrowed by grade and by cell. */
@ExtendWith(ApplicationExtension.class)
class HistoryPagingUiIT {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final RunTarget TARGET = new RunTarget("local", ProviderKind.OLLAMA, "small");
    private static final int CASES = 1_500;
    private static final List<String> VARIANTS = List.of("plain", "terse");

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private Path workspace;

    @Start
    void start(Stage stage) throws IOException {
        workspace = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "history-paging");
        storeRun(workspace);
        HistoryViewModel viewModel = new HistoryViewModel(() -> workspace, Platform::runLater, background,
                new ScriptedDialogs(), new RecordingRerunHost());
        Scene scene = new Scene(new HistoryView(viewModel, completions -> { }, run -> { }), 1200, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        stage.setScene(scene);
        stage.show();
        viewModel.refresh();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    // Plain is wrong on every 7th case, terse on every 5th; terse failed on every 100th.
    private static Verdict grade(String variant, int c) {
        if (variant.equals("plain")) {
            return c % 7 == 0 ? Verdict.WRONG : Verdict.CORRECT;
        }
        return c % 100 == 0 ? Verdict.FAILED : c % 5 == 0 ? Verdict.WRONG : Verdict.CORRECT;
    }

    private static long count(String variant, Verdict grade) {
        return IntStream.range(0, CASES).filter(c -> grade(variant, c) == grade).count();
    }

    private static String caseId(int c) {
        return "case-%04d".formatted(c);
    }

    private static void storeRun(Path folder) {
        try (HistoryStore store = HistoryStore.open(folder)) {
            store.startRun(Run.started("big", RunKind.EVALUATION, START, "sums.rationale.json", "Sums", "sums",
                    VARIANTS, List.of(TARGET), GenerationSettings.NONE, CASES * VARIANTS.size()));
            List<CompletionRecord> records = new ArrayList<>();
            for (String variant : VARIANTS) {
                for (int c = 0; c < CASES; c++) {
                    Verdict grade = grade(variant, c);
                    records.add(new CompletionRecord(new RunCompletionKey("big", variant, TARGET, caseId(c), 0),
                            CompletionRequest.of(TARGET.model(), new RenderedPrompt.Text("Q" + c)), "so " + c, "",
                            List.of(), grade == Verdict.CORRECT ? String.valueOf(c) : "x", String.valueOf(c), grade,
                            grade == Verdict.FAILED ? "server error 500" : null, null, null, null, START));
                }
            }
            store.recordAll(records);
            store.finishRun("big", RunStatus.COMPLETED, START.plusSeconds(60));
        }
    }

    @Test
    void theRunIsListedAPageAtATimeInGridOrderUntilEveryCompletionIsLoaded(FxRobot robot) throws Exception {
        openTheRun(robot);
        TableView<CompletionRow> completions = completions(robot);

        assertThat(onFx(() -> completions.getItems().size())).isEqualTo(CompletionPages.PAGE);
        assertThat(loaded(robot)).isEqualTo("500 of 3,000 loaded");
        assertThat(onFx(() -> completions.getItems().getFirst().key().caseId())).isEqualTo(caseId(0));

        // Scrolling towards the end asks for the next page, until all are there.
        for (int page = 2; page <= 6; page++) {
            int expected = page * CompletionPages.PAGE;
            robot.interact(() -> completions.scrollTo(completions.getItems().size() - 1));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> completions.getItems().size()
                    == expected));
        }
        List<String> listed = onFx(() -> completions.getItems().stream()
                .map(row -> row.key().variant() + "/" + row.key().caseId()).toList());
        List<String> grid = new ArrayList<>();
        VARIANTS.forEach(variant -> IntStream.range(0, CASES).forEach(c -> grid.add(variant + "/" + caseId(c))));
        assertThat(listed).isEqualTo(grid);
        assertThat(loaded(robot)).isEqualTo("3,000 of 3,000 loaded");
    }

    @Test
    void aGradeAndACellNarrowTheListAndItsCount(FxRobot robot) throws Exception {
        openTheRun(robot);
        TableView<CompletionRow> completions = completions(robot);
        @SuppressWarnings("unchecked")
        ComboBox<Verdict> grades = robot.lookup("#history-grade").queryAs(ComboBox.class);

        robot.interact(() -> grades.getSelectionModel().select(Verdict.WRONG));

        long wrong = count("plain", Verdict.WRONG) + count("terse", Verdict.WRONG);
        waitForTotal(robot, "500 of " + String.format("%,d", wrong) + " loaded");
        assertThat(onFx(() -> completions.getItems().stream().allMatch(row -> row.grade() == Verdict.WRONG)))
                .isTrue();
        assertThat(onFx(() -> completions.getItems().getFirst().key().caseId())).isEqualTo(caseId(0));

        // A click on the terse cell keeps the grade and narrows to terse; a second click widens again.
        TableView<?> cells = robot.lookup("#history-cells").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> cells.getItems().size() == 2));
        robot.clickOn(robot.lookup("#history-cells .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        waitForTotal(robot, count("terse", Verdict.WRONG) + " of " + count("terse", Verdict.WRONG)
                + " loaded · terse · local/small");
        assertThat(onFx(() -> completions.getItems().stream().allMatch(row -> row.key().variant().equals("terse")
                && row.grade() == Verdict.WRONG))).isTrue();
        assertThat(onFx(() -> cells.getSelectionModel().getSelectedIndex())).isEqualTo(1);

        robot.interact(() -> grades.getSelectionModel().select(Verdict.FAILED));
        waitForTotal(robot, count("terse", Verdict.FAILED) + " of 15 loaded · terse · local/small");
        assertThat(onFx(() -> completions.getItems().stream().map(row -> row.key().caseId()).toList()))
                .containsExactly(IntStream.range(0, CASES).filter(c -> c % 100 == 0).mapToObj(c -> caseId(c))
                        .toArray(String[]::new));

        robot.clickOn(robot.lookup("#history-cells .table-row-cell").nth(1).queryAs(javafx.scene.Node.class));
        waitForTotal(robot, "15 of 15 loaded");
        assertThat(onFx(() -> cells.getSelectionModel().getSelectedIndex())).isEqualTo(-1);
    }

    private void openTheRun(FxRobot robot) throws Exception {
        TableView<?> runs = robot.lookup("#history-runs").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> runs.getItems().size() == 1));
        robot.clickOn(robot.lookup("#history-runs .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !completions(robot).getItems().isEmpty()));
    }

    private static void waitForTotal(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text.equals(loaded(robot)));
    }

    private static String loaded(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#history-loaded").queryAs(Label.class).getText());
    }

    @SuppressWarnings("unchecked")
    private static TableView<CompletionRow> completions(FxRobot robot) {
        return robot.lookup("#history-completions").queryAs(TableView.class);
    }
}
