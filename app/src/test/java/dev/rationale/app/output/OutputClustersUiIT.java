// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.embedded.EmbeddedOptions;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A 5-sample run on the embedded test model shows its samples' answer clusters and aligned chains in Output. */
@ExtendWith(ApplicationExtension.class)
class OutputClustersUiIT {
    private static final long WAIT_SECONDS = 60;
    /** The girl's name: "… a little girl named Lily." */
    private static final AnswerFormat NAME = new AnswerFormat(ExtractRule.REGEX, "named (\\w+)", null, null, null);
    private static EmbeddedProvider embedded;
    private static Path model;
    private static ExecutorService background;

    private OutputViewModel viewModel;
    private OutputView view;

    @BeforeAll
    static void load() {
        Path folder = Path.of(System.getProperty("rationale.models.dir", "../../shared/models")).toAbsolutePath();
        model = folder.resolve("stories260K.gguf");
        embedded = new EmbeddedProvider(EmbeddedOptions.defaults(folder).withThreads(1));
        background = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void close() {
        embedded.close();
        background.shutdownNow();
    }

    @Start
    void start(Stage stage) {
        viewModel = new OutputViewModel(Platform::runLater, background);
        view = OutputStage.show(stage, viewModel, 1200, 800);
    }

    @Test
    void aFiveSampleRunShowsItsAnswerClustersAndSelectingABarShowsItsChains(FxRobot robot) throws Exception {
        CompletionRequest request = CompletionRequest.of(model.toString(),
                new RenderedPrompt.Text("Once upon a time")).withMaxTokens(24).withLogprobs(3)
                .withSampling(1.0, null, null, null, 11L).withSamples(5);
        RunSpec spec = new RunSpec(embedded, request, NAME, null, "story", Subjects.of("stories260K.gguf"));
        ToggleButton toggle = robot.lookup("#output-clusters").queryAs(ToggleButton.class);
        assertThat(onFx(toggle::isVisible)).as("no toggle before a run of several samples").isFalse();

        robot.interact(() -> viewModel.start(spec));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() ->
                viewModel.getClusters().getResult().clusters().total() == 5));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(viewModel::getState)).isEqualTo(RunState.COMPLETED);
        assertThat(onFx(toggle::isVisible)).isTrue();
        assertThat(onFx(toggle::isSelected)).as("turned on by itself once the samples are clustered").isTrue();
        Node pane = robot.lookup("#cluster-pane").query();
        assertThat(onFx(pane::isVisible)).isTrue();
        int clusters = onFx(() -> viewModel.getClusters().getResult().clusters().clusters().size());
        assertThat(robot.lookup(".cluster-bar").queryAll()).hasSize(clusters);
        assertThat(onFx(() -> robot.lookup("#cluster-summary").queryAs(Label.class).getText()))
                .startsWith("5 samples · ");
        assertThat(robot.lookup(".aligned-tag").queryAll()).hasSize(5);

        robot.clickOn("#cluster-bar-" + (clusters - 1));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> viewModel.getClusters().selectedProperty().get())).isEqualTo(clusters - 1);
        assertThat(onFx(() -> robot.lookup("#cluster-chains").queryAs(TextArea.class).getText()))
                .startsWith("— Sample ");

        robot.clickOn(toggle);
        assertThat(robot.lookup("#cluster-pane").tryQuery()).as("hidden again by the user").isEmpty();
    }
}
