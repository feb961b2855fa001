// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.batch.BatchOptions;
import dev.rationale.core.eval.CellMetrics;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Run as batch" ticked, Evaluate clicked: the batch's state shows, and Cancel cancels it at the provider. */
@ExtendWith(ApplicationExtension.class)
class EvaluateBatchUiIT {
    private final ExecutorService background = Executors.newCachedThreadPool();
    private BatchApiServer api;
    private EvaluateViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        stage = primary;
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "evaluate-batch");
        Path setFile = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.tasks().getFirst();
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow());
        api = BatchApiServer.started();
        viewModel = new EvaluateViewModel(api.providers, dir.resolve("scratch"), Platform::runLater, background,
                Clock.systemUTC(), BatchOptions.DEFAULTS.withPollInterval(Duration.ofMillis(20)));
        viewModel.limitProperty().set(3);
        EvaluateView view = new EvaluateView(viewModel, FXCollections.observableArrayList(variants),
                chosen -> new EvaluateViewModel.Setup(set, setFile, task, chosen, api.endpoint(), "mock"), List::of,
                completions -> { });
        Scene scene = new Scene(view, 1400, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        primary.setScene(scene);
        primary.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        api.close();
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void runAsBatchShowsTheBatchAndCancelCancelsItAtTheProvider(FxRobot robot) throws Exception {
        CheckBox box = robot.lookup("#evaluate-batch").queryAs(CheckBox.class);
        Label message = robot.lookup("#evaluate-message").queryAs(Label.class);

        robot.clickOn(box);
        robot.clickOn("#evaluate-start");
        waitFor(() -> message.getText().contains("in_progress"));

        assertThat(onFx(box::isDisabled)).as("not switched while running").isTrue();
        assertThat(onFx(message::getText)).isEqualTo("Batch batch_0 (OpenAI Batch, 3 requests): in_progress");
        snapshot("evaluate-batch.png");

        robot.clickOn("#evaluate-cancel");
        waitFor(() -> !viewModel.runningProperty().get() && !viewModel.getCells().isEmpty());

        assertThat(api.cancels.get()).isOne();
        assertThat(onFx(() -> viewModel.getCells().stream().map(CellMetrics::failed).toList())).containsExactly(3);
        assertThat(onFx(message::getText)).isEqualTo("Done.");
    }

    private static void waitFor(java.util.function.Supplier<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    // For a person to look at: target/ui-snapshots/evaluate-batch.png.
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
