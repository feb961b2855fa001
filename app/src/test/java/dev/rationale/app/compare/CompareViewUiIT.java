// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.output.RunState;
import dev.rationale.app.run.RunPlanner;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Compare tab with two variants of the arithmetic sample on one MockWebServer endpoint: the chain-of-thought
 * variant answers 7, the zero-shot trigger variant 8.
 */
@ExtendWith(ApplicationExtension.class)
class CompareViewUiIT {
    private static final long WAIT_SECONDS = 10;

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient http = HttpClients.create();
    private final ProviderCache providers = new ProviderCache(new ProviderFactory(http,
            new KeyResolver(new NoSecrets(), name -> null)));
    private CompareViewModel viewModel;
    private CompareView view;
    private CompareColumn sevens;
    private CompareColumn eights;

    @Start
    void start(Stage stage) {
        server.setDispatcher(new CannedCompletions());
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PromptSet set = PromptSetFiles.load(Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"))
                .resolve("arithmetic.rationale.json"));
        Task task = set.tasks().getFirst();
        CompareViewModel.Context context = new CompareViewModel.Context(set, task, task.cases().getFirst(),
                new GenerationSettings(null, null, null, List.of(), null, 2), null);
        Endpoint endpoint = new Endpoint("mock", ProviderKind.OPENAI_TEXT, server.url("/v1").toString(), null, null);
        viewModel = new CompareViewModel(new RunPlanner(providers), Platform::runLater, ForkJoinPool.commonPool());
        sevens = viewModel.addColumn("cot-8", endpoint, "mock-model");
        eights = viewModel.addColumn("zero-shot-cot", endpoint, "mock-model");
        view = new CompareView(viewModel, FXCollections.observableArrayList(task.variants()),
                FXCollections.observableArrayList(endpoint), FXCollections.observableArrayList("mock-model"),
                () -> viewModel.runAll(context));
        // Within Monocle's 1280 x 800 headless screen.
        Scene scene = new Scene(view, 1200, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> viewModel.stopAll());
        server.close();
        providers.close();
        http.dispatcher().executorService().shutdown();
    }

    @Test
    void runAllFillsBothColumnsAndShowsTheirAgreement(FxRobot robot) throws TimeoutException {
        assertThat(onFx(() -> agreement(robot).getText())).isEmpty();

        runAll(robot);

        assertThat(onFx(() -> view.outputOf(sevens).heatMap().tokenCount())).isEqualTo(9);
        assertThat(onFx(() -> view.outputOf(eights).heatMap().tokenCount())).isEqualTo(9);
        assertThat(onFx(() -> view.outputOf(sevens).heatMap().area().getText()))
                .isEqualTo("3 + 4 = 7. The answer is 7.");
        assertThat(onFx(() -> view.outputOf(eights).heatMap().area().getText()))
                .isEqualTo("3 + 4 = 8. The answer is 8.");
        assertThat(onFx(() -> agreement(robot).getText())).contains("Majority answer 7").contains("1 of 2")
                .contains("50 %").contains("8 ×1");
        assertThat(onFx(() -> robot.lookup(".compare-column-title").queryAllAs(Label.class).stream()
                .map(Label::getText).toList())).containsExactly("8-shot chain of thought · mock-model",
                "Zero-shot chain of thought (\"Let's think step by step.\") · mock-model");
    }

    @Test
    void theDiffPaneStrikesTheFirstColumnsNumbersAndMarksTheSecondsAsAdded(FxRobot robot) throws TimeoutException {
        runAll(robot);

        robot.clickOn("#compare-diff");

        TextFlow diff = robot.lookup("#compare-diff-text").queryAs(TextFlow.class);
        assertThat(onFx(diff::isVisible)).isTrue();
        List<Text> segments = onFx(() -> diff.getChildren().stream().map(Text.class::cast).toList());
        assertThat(onFx(() -> segments.stream().filter(text -> text.getStyleClass().contains("diff-deleted"))
                .map(Text::getText).toList())).containsExactly("7", "7");
        assertThat(onFx(() -> segments.stream().filter(text -> text.getStyleClass().contains("diff-inserted"))
                .map(Text::getText).toList())).containsExactly("8", "8");
        assertThat(onFx(() -> segments.stream().filter(text -> text.getStyleClass().contains("diff-equal"))
                .map(Text::getText).toList())).contains("3 + 4 = ", ". The answer is ");
    }

    @Test
    void removingAColumnTakesItsViewAwayAndTheRestAgree(FxRobot robot) throws TimeoutException {
        runAll(robot);

        // Fired rather than clicked: in a full run a robot click here once found the button not yet laid out.
        Button remove = robot.lookup(".compare-column").match((Node pane) -> pane.getUserData() == eights)
                .lookup(".compare-column-remove").queryButton();
        robot.interact(remove::fire);

        assertThat(onFx(() -> view.outputOf(eights))).isNull();
        assertThat(onFx(() -> robot.lookup(".compare-column").queryAll().size())).isEqualTo(1);
        assertThat(onFx(() -> agreement(robot).getText())).contains("Majority answer 7").contains("1 of 1")
                .contains("unanimous");
    }

    private void runAll(FxRobot robot) throws TimeoutException {
        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> ended(sevens) && ended(eights)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> List.of(sevens.output().getState(), eights.output().getState())))
                .containsOnly(RunState.COMPLETED);
    }

    private static boolean ended(CompareColumn column) {
        RunState state = column.output().getState();
        return state != RunState.IDLE && !state.isRunning();
    }

    private static Label agreement(FxRobot robot) {
        return robot.lookup("#compare-agreement").queryAs(Label.class);
    }
}
