// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static dev.rationale.app.fx.FxReads.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Thinking is shown once in Output: folded apart, and neither in the heat map nor (when the answer reasons) in the
 * steps.
 */
@ExtendWith(ApplicationExtension.class)
class OutputThinkingUiIT {
    private static final String THINKING = "The sum is 3 + 4.\nMaybe 8?\nNo: 7.";
    private static final AnswerFormat LAST_NUMBER = new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null,
            null);

    private OutputViewModel viewModel;
    private OutputView view;

    @Start
    void start(Stage stage) {
        viewModel = new OutputViewModel(Platform::runLater, Runnable::run);
        view = OutputStage.show(stage, viewModel, 1000, 640);
    }

    @Test
    void aStreamWithThinkingApartShowsOnlyTheAnswerInTheHeatMapAndItsOwnSteps(FxRobot robot) throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(
                    "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"Maybe 8?\\nNo: 7.\"}}]}\n\n"
                    + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"3 + 4 = 7.\\nThe answer is 7.\"},"
                    + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n").build());
            CompletionRequest request = CompletionRequest.of("thinker", new RenderedPrompt.Chat(List.of(
                    ChatMessage.user("What is 3 + 4?"))));
            RunSpec spec = new RunSpec(new OpenAiChatProvider(HttpClients.create(), server.url("/v1").toString()),
                    request, AnswerFormat.DEFAULT, "7", "chat", Subjects.of("thinker"));

            robot.interact(() -> viewModel.start(spec));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> viewModel.getState()
                    == RunState.COMPLETED));
            WaitForAsyncUtils.waitForFxEvents();
        }

        assertThat(onFx(() -> view.heatMap().area().getText())).isEqualTo("3 + 4 = 7.\nThe answer is 7.");
        TitledPane pane = robot.lookup("#output-thinking-pane").queryAs(TitledPane.class);
        assertThat(onFx(pane::isExpanded)).isFalse();
        // Folded, the pane does not lay the thinking out; unfolded, it shows all of it.
        assertThat(onFx(() -> robot.lookup("#output-thinking").queryAs(TextArea.class).getText())).isEmpty();
        robot.interact(() -> pane.setExpanded(true));
        assertThat(onFx(() -> robot.lookup("#output-thinking").queryAs(TextArea.class).getText()))
                .isEqualTo("Maybe 8?\nNo: 7.");
        // The steps are shown a frame or two after they are found.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !steps(robot).isEmpty()));
        assertThat(onFx(() -> steps(robot))).containsExactly("3 + 4 = 7.", "The answer is");
        assertThat(onFx(() -> robot.lookup(".reasoning-steps-header").queryAs(Label.class).getText()))
                .isEqualTo("Reasoning · 2 steps");
    }

    @Test
    void scoredThinkingTokensStayOutOfTheHeatMapAndABareAnswerShowsTheThinkingsStepsLabelled(FxRobot robot)
            throws TimeoutException {
        List<ScoredToken> tokens = Stream.of("<think>", "The sum is 3 + 4.", "\nMaybe 8?", "\nNo: 7.", "</think>",
                "\n\n", "7").map(t -> new ScoredToken(t, List.of(), -0.1, List.of())).toList();
        FinishedCompletion shown = new FinishedCompletion(FinishedCompletions.origin(0, 1), null, "\n\n7", THINKING,
                tokens, new Grade(Verdict.CORRECT, "7", null), "7", null, FinishReason.STOP, null, null, LAST_NUMBER);

        robot.interact(() -> viewModel.show(shown));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> view.heatMap().area().getText())).isEqualTo("7");
        assertThat(onFx(() -> view.heatMap().tokenCount())).isEqualTo(1);
        // Scored at p = e^-0.1 = 0.90: the calmest level.
        assertThat(onFx(() -> view.heatMap().styleOfToken(6))).isEqualTo(HeatStyle.of(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !steps(robot).isEmpty()));
        assertThat(onFx(() -> steps(robot))).containsExactly("The sum is 3 + 4.", "Maybe 8?", "No: 7.");
        assertThat(onFx(() -> robot.lookup(".reasoning-steps-header").queryAs(Label.class).getText()))
                .isEqualTo("Reasoning · 3 steps of the thinking (the answer gives none)");
        assertThat(onFx(() -> robot.lookup("#output-answer").queryAs(Label.class).getText())).isEqualTo("7");
    }

    @SuppressWarnings("unchecked")
    private static List<String> steps(FxRobot robot) {
        ListView<dev.rationale.core.analysis.Passage> list = robot.lookup("#output-steps").queryAs(ListView.class);
        return list.getItems().stream().map(p -> p.text().strip()).toList();
    }
}
