// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.compare.NoSecrets;
import dev.rationale.app.fx.FxUserDialogs;
import dev.rationale.app.fx.SceneSnapshot;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.cost.PriceTable;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The estimate before Evaluate starts and the grid's cost column: gpt-4o (shipped at $2.50 in, $1.25 cached, $10
 * out per million) behind a mock server that reports 100 prompt tokens (40 of them cached) and 20 completion tokens
 * a request, with the workspace's prices.json asking above a millionth of a dollar.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluateCostUiIT {
    // 60 fresh x 2.50 + 40 cached x 1.25 + 20 out x 10 = 400 millionths of a dollar a request; two cases.
    private static final String CELL_COST = "$0.00080";
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger requests = new AtomicInteger();
    private EvaluateViewModel viewModel;
    private Stage stage;

    @Start
    void start(Stage primary) throws IOException {
        stage = primary;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().endsWith("/chat/completions")) {
                    // The model list Evaluate asks for its chart by model size: none here.
                    return new MockResponse.Builder().body("{\"data\":[]}").build();
                }
                requests.incrementAndGet();
                return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body("""
                        data: {"choices":[{"index":0,"delta":{"content":"The answer is 7."}}]}

                        data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                        data: {"choices":[],"usage":{"prompt_tokens":100,"completion_tokens":20,\
                        "prompt_tokens_details":{"cached_tokens":40}}}

                        data: [DONE]

                        """).build();
            }
        });
        server.start();
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "evaluate-cost");
        Path setFile = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        Files.writeString(Files.createDirectories(dir.resolve(".rationale")).resolve("prices.json"),
                "{\"confirmAbove\": 0.000001}");
        PromptSet set = PromptSetFiles.load(setFile);
        Task task = set.tasks().getFirst();
        List<Variant> variants = List.of(task.variant("zero-shot").orElseThrow());
        Endpoint endpoint = new Endpoint("hosted", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        ProviderCache providers = new ProviderCache(new ProviderFactory(HttpClients.create(),
                new KeyResolver(new NoSecrets(), name -> null)));
        viewModel = new EvaluateViewModel(providers, dir.resolve("scratch"), Platform::runLater, background,
                Clock.systemUTC(), CostConfirmation.askingWith(new FxUserDialogs(() -> stage)));
        viewModel.limitProperty().set(2);
        EvaluateView view = new EvaluateView(viewModel, FXCollections.observableArrayList(variants),
                chosen -> new EvaluateViewModel.Setup(set, setFile, task, chosen, endpoint, "gpt-4o"), List::of,
                completions -> { });
        Scene scene = new Scene(view, 1400, 760);
        scene.getStylesheets().add(Theme.LIGHT.getStylesheetUrl());
        primary.setScene(scene);
        primary.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void anEstimateAboveTheLimitAsksFirstAndTheGridShowsWhatEachCellCost(FxRobot robot) throws Exception {
        robot.clickOn("#evaluate-start");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane asked = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(asked.getHeaderText()).isEqualTo("Start this evaluation?");
        assertThat(asked.getContentText()).contains("Estimate: 2 requests, 2 completions")
                .contains("hosted/gpt-4o").contains("estimated, 4 characters a token")
                .contains("above your limit of $0.0000010");
        snapshot(asked.getScene(), "evaluate-cost-confirm.png");

        robot.clickOn(asked.lookupButton(ButtonType.CANCEL));
        waitFor(() -> !onFx(() -> viewModel.runningProperty().get()));
        assertThat(onFx(() -> viewModel.messageProperty().get())).startsWith("Not started: the estimate, about $");
        assertThat(requests.get()).as("nothing is sent before the user agrees").isZero();

        robot.clickOn("#evaluate-start");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
        waitFor(() -> !costTexts(robot).isEmpty());

        assertThat(requests.get()).isEqualTo(2);
        assertThat(costTexts(robot)).containsExactly(CELL_COST);
        assertThat(onFx(() -> robot.lookup("#evaluate-estimate").queryAs(Labeled.class).getText()))
                .startsWith("Cost: about $").contains("(prices checked " + PriceTable.shipped().checked() + ")")
                .endsWith(" · spent " + CELL_COST + " by the reported usage");
        snapshot(stage.getScene(), "evaluate-cost-grid.png");
    }

    private static List<String> costTexts(FxRobot robot) {
        return onFx(() -> robot.lookup("#evaluate-grid .table-cell").queryAll().stream()
                .filter(node -> node instanceof TableCell<?, ?> cell && !cell.isEmpty() && cell.getTableColumn() != null
                        && "evaluate-grid-cost".equals(cell.getTableColumn().getId()))
                .map(node -> ((TableCell<?, ?>) node).getText()).filter(text -> text != null).toList());
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    // For a person to look at: target/ui-snapshots/.
    private static void snapshot(Scene scene, String name) {
        onFx(() -> {
            try {
                SceneSnapshot.save(scene, Path.of("target/ui-snapshots").resolve(name));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }
}
