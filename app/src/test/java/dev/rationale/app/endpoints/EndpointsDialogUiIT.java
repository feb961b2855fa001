// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EndpointsDialogUiIT {
    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final AtomicInteger saves = new AtomicInteger();
    private EndpointStore store;
    private EndpointsDialog dialog;

    @Start
    void start(Stage stage) throws IOException {
        server.start();
        Path dir = Files.createTempDirectory("endpoints-ui");
        store = new EndpointStore(dir.resolve("endpoints.json"));
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        EndpointsViewModel viewModel = new EndpointsViewModel(store, new InMemorySecrets(true), name -> null,
                HttpClients.create(), dir.resolve("models"), new ScriptedDialogs(), saves::incrementAndGet,
                Platform::runLater, background);
        dialog = new EndpointsDialog(viewModel, stage, Theme.LIGHT);
        dialog.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> dialog.getDialog().close());
        background.shutdownNow();
        server.close();
    }

    @Test
    void fillingTheFormAndPressingTestListsTheServersModelsThenSaveWritesIt(FxRobot robot) throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                .body("{\"models\":[{\"name\":\"llama3.2:1b\"},{\"name\":\"qwen2.5:0.5b\"}]}").build());
        String url = server.url("/").toString();
        String baseUrl = url.substring(0, url.length() - 1);

        robot.clickOn("#endpoints-name").write("local-ollama");
        robot.clickOn("#endpoints-kind").clickOn("Ollama");
        TextField base = robot.lookup("#endpoints-base-url").queryAs(TextField.class);
        assertThat(base.getText()).isEqualTo("http://localhost:11434");
        robot.interact(base::clear);
        robot.clickOn(base).write(baseUrl);
        robot.clickOn("#endpoints-test");

        Label summary = robot.lookup("#endpoints-test-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> summary.getText().startsWith("2 models"));
        assertThat(summary.getText()).isEqualTo("2 models: llama3.2:1b, qwen2.5:0.5b");
        GridPane capabilities = robot.lookup("#endpoints-capabilities").queryAs(GridPane.class);
        assertThat(capabilities.isVisible()).isTrue();
        assertThat(robot.lookup("#endpoints-capabilities .label").queryAllAs(Label.class))
                .extracting(Label::getText).contains("Token probabilities", "up to 20 alternatives per token");

        robot.clickOn("#endpoints-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saves.get() == 1);
        assertThat(store.load()).containsExactly(
                new Endpoint("local-ollama", ProviderKind.OLLAMA, baseUrl, null, null));
        assertThat(robot.lookup("#endpoints-status").queryAs(Label.class).getText())
                .isEqualTo("Saved “local-ollama”.");
    }
}
