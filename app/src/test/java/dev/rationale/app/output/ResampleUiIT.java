// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.embedded.EmbeddedOptions;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Resample ×K" in Output on the embedded test model: from a token's popup, from every step, and a refusal. */
@ExtendWith(ApplicationExtension.class)
class ResampleUiIT {
    private static final long WAIT_SECONDS = 60;
    /** The girl's name: "… a little girl named Lily." */
    private static final AnswerFormat NAME = new AnswerFormat(ExtractRule.REGEX, "named (\\w+)", null, null, null);
    private static EmbeddedProvider embedded;
    private static Path model;

    private OutputViewModel viewModel;
    private OutputView view;

    @BeforeAll
    static void load() {
        Path folder = Path.of(System.getProperty("rationale.models.dir", "../../shared/models")).toAbsolutePath();
        model = folder.resolve("stories260K.gguf");
        embedded = new EmbeddedProvider(EmbeddedOptions.defaults(folder).withThreads(1));
    }

    @AfterAll
    static void close() {
        embedded.close();
    }

    @Start
    void start(Stage stage) {
        viewModel = new OutputViewModel(Platform::runLater, Runnable::run);
        view = OutputStage.show(stage, viewModel, 1200, 700);
    }

    @Test
    void resamplingFromATokensPopupShowsTheAnswersBesideTheOriginal(FxRobot robot) throws TimeoutException {
        runStory(robot);
        assertThat(onFx(() -> view.lookup("#resample-view").isVisible())).isTrue();

        robot.interact(() -> view.heatMap().showPopup(4));
        Button resample = onFx(() -> (Button) view.popup().content().lookup("#token-popup-resample"));
        assertThat(onFx(resample::getText)).isEqualTo("Resample ×10 from here");
        robot.interact(resample::fire);
        waitForResample();

        ResampleViewModel model = viewModel.getResample();
        assertThat(onFx(model::getState)).isEqualTo(RunState.COMPLETED);
        assertThat(onFx(() -> model.getRows().getFirst().tally().samples())).isEqualTo(10);
        assertThat(onFx(() -> text("#resample-heading"))).isEqualTo("From token 5 ×10 at temperature 1.00");
        assertThat(onFx(() -> text("#resample-summary"))).startsWith("Kept the original answer \"Lily\": ");
        List<String> bars = onFx(() -> texts(view.lookup("#resample-bars")));
        assertThat(bars).isNotEmpty();
        int votes = onFx(() -> model.getRows().getFirst().tally().distribution().votes().size());
        int missing = onFx(() -> model.getRows().getFirst().tally().distribution().missing());
        assertThat(onFx(() -> ((Parent) view.lookup("#resample-bars")).getChildrenUnmodifiable().size()))
                .isEqualTo(votes + (missing > 0 ? 1 : 0));
    }

    @Test
    void everyStepChartsTheShareThatKeepsTheOriginalAnswerPerStep(FxRobot robot) throws TimeoutException {
        runStory(robot);
        robot.interact(() -> viewModel.getResample().samplesProperty().set(4));

        robot.clickOn("#resample-every-step");
        waitForResample();

        ResampleViewModel model = viewModel.getResample();
        assertThat(onFx(model::getState)).isEqualTo(RunState.COMPLETED);
        assertThat(onFx(() -> model.perStepProperty().get())).isTrue();
        assertThat(onFx(() -> model.getRows().size())).isGreaterThanOrEqualTo(1);
        List<String> rows = onFx(() -> texts(view.lookup("#resample-bars")));
        assertThat(rows).contains("Step 1").anyMatch(t -> t.matches("\\d+ % kept \\(\\d/4\\)"));
        assertThat(onFx(() -> text("#resample-summary"))).startsWith("Share of continuations from the start of each"
                + " step that keep the original answer");
    }

    @Test
    void aChatBackendWithoutPrefillSaysClearlyThatItCannot(FxRobot robot) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body(chunk("{\"content\":\"3 + 4 = 7.\\nThe answer is 7.\"}", "null")
                            + chunk("{}", "\"stop\"") + "data: [DONE]\n\n").build());
            CompletionRequest request = CompletionRequest.of("gpt-x", new RenderedPrompt.Chat(List.of(
                    ChatMessage.user("What is 3 + 4?")))).withMaxTokens(20);
            OpenAiChatProvider chat = new OpenAiChatProvider(HttpClients.create(), server.url("/v1").toString());
            RunSpec spec = new RunSpec(chat, request, AnswerFormat.DEFAULT, null, "chat", Subjects.of("gpt-x"));
            robot.interact(() -> viewModel.start(spec));
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> viewModel.getState()
                    == RunState.COMPLETED));
            WaitForAsyncUtils.waitForFxEvents();

            robot.clickOn("#resample-every-step");
            waitForResample();

            assertThat(onFx(() -> viewModel.getResample().getState())).isEqualTo(RunState.FAILED);
            assertThat(onFx(() -> text("#resample-message"))).contains("cannot continue an answer from a point")
                    .contains("does not continue a begun assistant reply");
        }
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + ",\"finish_reason\":" + finish + "}]}\n\n";
    }

    private void runStory(FxRobot robot) throws TimeoutException {
        CompletionRequest request = CompletionRequest.of(model.toString(),
                new RenderedPrompt.Text("Once upon a time")).withMaxTokens(24).withLogprobs(3)
                .withSampling(0.0, null, null, null, 9L);
        RunSpec spec = new RunSpec(embedded, request, NAME, null, "story", Subjects.of("stories260K.gguf"));
        robot.interact(() -> viewModel.start(spec));
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> viewModel.getState()
                == RunState.COMPLETED));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitForResample() throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(() -> {
            RunState state = viewModel.getResample().getState();
            return state != RunState.IDLE && !state.isRunning();
        }));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String id) {
        return ((Label) view.lookup(id)).getText();
    }

    private static List<String> texts(Node root) {
        return root.lookupAll(".label").stream().filter(Labeled.class::isInstance).map(n -> ((Labeled) n).getText())
                .toList();
    }
}
