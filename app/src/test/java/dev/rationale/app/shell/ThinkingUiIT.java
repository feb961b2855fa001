// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.app.AppContext;
import dev.rationale.app.TestContexts;
import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.output.RunState;
import dev.rationale.app.run.ThinkingChoice;
import dev.rationale.app.theme.ThemeViewModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.ProviderKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
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
 * The run bar's thinking control on a chat endpoint that thinks (MockWebServer): the level chosen goes out as
 * {@code reasoning_effort}, and the thinking comes back folded above the answer, counted apart and not graded; a
 * raw-text endpoint without a control says so under the answer.
 */
@ExtendWith(ApplicationExtension.class)
class ThinkingUiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The thinking names a wrong number first, so a grader that read it would find 8. */
    private static final String THINKING = "Maybe 8? No: three and four make 7.";

    private final MockWebServer server = new MockWebServer();
    private final Queue<JsonNode> bodies = new ConcurrentLinkedQueue<>();
    private AppContext context;
    private MainWindowViewModel workbench;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                try {
                    bodies.add(body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return request.getUrl().encodedPath().endsWith("/chat/completions") ? thinkingAnswer()
                        : request.getUrl().encodedPath().endsWith("/completions") ? textAnswer()
                        : new MockResponse.Builder().code(404).build();
            }
        });
        server.start();
        Path dir = Files.createTempDirectory("thinking-ui");
        context = TestContexts.in(dir, dir.resolve("models"));
        context.endpoints().put(new Endpoint("mock-chat", ProviderKind.OPENAI, server.url("/v1").toString(),
                "thinker", null));
        context.endpoints().put(new Endpoint("mock-text", ProviderKind.OPENAI_TEXT, server.url("/v1").toString(),
                "mock", null));
        Path file = Files.copy(Path.of("../sample-prompts/arithmetic.rationale.json"),
                dir.resolve("arithmetic.rationale.json"));
        workbench = context.mainWindowViewModel(new ScriptedDialogs(), null);
        MainWindow window = new MainWindow(new ThemeViewModel(), workbench, context, () -> { });
        window.showIn(stage);
        workbench.getRunSettings().reloadEndpoints("mock-chat");
        workbench.getDocuments().open(file);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(workbench::dispose);
        context.close();
        server.close();
    }

    private static MockResponse stream(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static MockResponse thinkingAnswer() {
        return stream("data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"" + THINKING + "\"}}]}\n\n"
                + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The answer is 7.\"},"
                + "\"finish_reason\":\"stop\"}]}\n\n"
                + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":30,"
                + "\"completion_tokens_details\":{\"reasoning_tokens\":24}}}\n\n"
                + "data: [DONE]\n\n");
    }

    private static MockResponse textAnswer() {
        return stream("data: {\"choices\":[{\"index\":0,\"text\":\" The answer is 7.\",\"finish_reason\":\"stop\"}]}"
                + "\n\ndata: [DONE]\n\n");
    }

    private void waitForEndpoint(String model) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> workbench.getCompose().hasTaskProperty().get()
                && model.equals(workbench.getRunSettings().modelProperty().get()));
    }

    private void runAndWait(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#run-button").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> workbench.getOutput().getState() == RunState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRunBarsLevelIsSentAndTheThinkingIsFoldedApartFromTheGradedAnswer(FxRobot robot) throws Exception {
        waitForEndpoint("thinker");
        ComboBox<ThinkingChoice> picker = robot.lookup("#run-thinking").queryAs(ComboBox.class);
        assertThat(picker.getValue()).isEqualTo(ThinkingChoice.VARIANTS);
        assertThat(picker.getItems()).extracting(ThinkingChoice::toString)
                .containsExactly("variant's", "off", "low", "medium", "high");
        // The stage is shared by the suite's tests, and an earlier one may have left it at another size.
        robot.interact(() -> {
            stage.setWidth(MainWindow.DEFAULT_WIDTH);
            stage.setHeight(MainWindow.DEFAULT_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button stopButton = robot.lookup("#stop-button").queryButton();
        assertThat(stopButton.localToScene(stopButton.getBoundsInLocal()).getMaxX())
                .as("Stop, the last control of the run bar, inside the default window")
                .isLessThanOrEqualTo(stopButton.getScene().getWidth());

        robot.clickOn(picker);
        robot.clickOn("high");
        runAndWait(robot);

        assertThat(picker.getValue()).isEqualTo(ThinkingChoice.HIGH);
        assertThat(bodies.stream().filter(b -> b.has("messages")).reduce((a, b) -> b).orElseThrow()
                .path("reasoning_effort").asText()).isEqualTo("high");
        TitledPane pane = robot.lookup("#output-thinking-pane").queryAs(TitledPane.class);
        assertThat(pane.isVisible()).isTrue();
        assertThat(pane.isExpanded()).as("folded until asked for").isFalse();
        assertThat(pane.getText()).startsWith("Thinking · 24 tokens · ");
        assertThat(robot.lookup("#output-answer").queryAs(Label.class).getText()).isEqualTo("7");
        assertThat(workbench.getOutput().getText()).doesNotContain("Maybe");
        assertThat(robot.lookup("#output-statistics").queryAs(Label.class).getText()).contains("thinking 24 tokens");

        robot.clickOn(pane.lookup(".title"));

        assertThat(pane.isExpanded()).isTrue();
        assertThat(robot.lookup("#output-thinking").queryAs(TextArea.class).getText()).isEqualTo(THINKING);
    }

    @Test
    void anEndpointWithoutAThinkingControlSaysSoUnderTheAnswer(FxRobot robot) throws Exception {
        waitForEndpoint("thinker");
        robot.interact(() -> {
            workbench.getRunSettings().endpointProperty().set(workbench.getRunSettings().getEndpoints().stream()
                    .filter(e -> e.name().equals("mock-text")).findFirst().orElseThrow());
            workbench.getRunSettings().thinkingProperty().set(ThinkingChoice.OFF);
        });
        waitForEndpoint("mock");

        runAndWait(robot);

        assertThat(robot.lookup("#output-notices").queryAs(Label.class).getText())
                .contains("has no thinking control, so thinking \"off\" was not sent");
        assertThat(robot.lookup("#output-thinking-pane").queryAs(TitledPane.class).isVisible()).isFalse();
        assertThat(bodies.stream().filter(b -> b.has("prompt")).reduce((a, b) -> b).orElseThrow()
                .has("reasoning_effort")).isFalse();
    }
}
