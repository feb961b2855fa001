// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
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

/** Making a pool in the Endpoints dialog: choose the kind, tick members, set a concurrency, test, save. */
@ExtendWith(ApplicationExtension.class)
class PoolEditorUiIT {
    private final MockWebServer server = new MockWebServer();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final AtomicInteger saves = new AtomicInteger();
    private EndpointStore store;
    private EndpointsDialog dialog;

    @Start
    void start(Stage stage) throws IOException {
        server.start();
        Path dir = Files.createTempDirectory("pool-ui");
        store = new EndpointStore(dir.resolve("endpoints.json"));
        String url = server.url("/v1").toString();
        store.save(List.of(new Endpoint("gpu1", ProviderKind.OPENAI, url, "llama-8b", null),
                new Endpoint("gpu2", ProviderKind.OPENAI, url, "llama-8b", null),
                new Endpoint("qwen", ProviderKind.OPENAI, url, "qwen-7b", null)));
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

    // Whether the node and every parent are visible: a hidden row hides its fields without touching them.
    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aPoolIsMadeByTickingMembersAndSettingTheirConcurrency(FxRobot robot) throws Exception {
        for (int i = 0; i < 2; i++) {
            server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json")
                    .body("{\"object\":\"list\",\"data\":[{\"id\":\"llama-8b\",\"object\":\"model\"}]}").build());
        }
        robot.clickOn("#endpoints-add");
        robot.clickOn("#endpoints-name").write("lab");
        robot.clickOn("#endpoints-kind").clickOn("Pool of servers of one model");

        assertThat(robot.lookup("#endpoints-base-url").tryQuery()).as("a pool has no URL of its own").isEmpty();
        assertThat(shown(robot.lookup("#endpoints-pool-members").query())).isTrue();
        robot.clickOn("#endpoints-member-gpu1");
        robot.clickOn("#endpoints-member-qwen");
        Label error = robot.lookup("#endpoints-pool-members .endpoints-error").queryAs(Label.class);
        assertThat(error.getText()).isEqualTo(
                "pool \"lab\" mixes models: \"gpu1\" serves llama-8b, \"qwen\" serves qwen-7b");

        robot.clickOn("#endpoints-member-qwen");
        robot.clickOn("#endpoints-member-gpu2");
        assertThat(shown(error)).isFalse();
        @SuppressWarnings("unchecked")
        Spinner<Integer> concurrency = robot.lookup("#endpoints-member-concurrency-gpu1").queryAs(Spinner.class);
        robot.interact(() -> concurrency.getValueFactory().setValue(16));
        robot.clickOn("#endpoints-test");
        Label summary = robot.lookup("#endpoints-test-summary").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> summary.getText().contains("answered"));
        assertThat(summary.getText()).isEqualTo("2 of 2 members of “lab” answered.");

        robot.clickOn("#endpoints-save");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saves.get() == 1);
        assertThat(store.find("lab")).contains(Endpoint.pool("lab",
                List.of(new PoolMember("gpu1", 16), new PoolMember("gpu2", 8))));
        assertThat(robot.lookup("#endpoints-member-gpu1").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#endpoints-member-qwen").queryAs(CheckBox.class).isSelected()).isFalse();
    }
}
