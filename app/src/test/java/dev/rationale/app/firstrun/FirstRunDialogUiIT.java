// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.app.theme.Theme;
import dev.rationale.core.download.LocalServerProbe;
import dev.rationale.core.download.ModelDownloader;
import dev.rationale.core.download.RecommendedModel;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class FirstRunDialogUiIT {
    private final MockWebServer files = new MockWebServer();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final AtomicReference<FirstRunChoice> result = new AtomicReference<>();
    private final AtomicInteger closings = new AtomicInteger();
    private byte[] model;
    private Path models;
    private FirstRunDialog dialog;
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Path shared = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"));
        model = Files.readAllBytes(shared.resolve("stories260K.gguf"));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
        files.start();
        // Slow enough that the bar is seen between empty and full, fast enough to finish in about a second.
        files.enqueue(new MockResponse.Builder().setHeader("X-Linked-Etag", "\"" + sha256 + "\"")
                .body(new Buffer().write(model)).throttleBody(64 * 1024, 50, TimeUnit.MILLISECONDS).build());
        models = dir.resolve("models");
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        dialog = new FirstRunDialog(viewModel(dir), stage, Theme.LIGHT);
        dialog.show(choice -> {
            closings.incrementAndGet();
            result.set(choice);
        });
    }

    private FirstRunViewModel viewModel(Path dir) throws IOException {
        OkHttpClient http = HttpClients.create();
        RecommendedModel stories = new RecommendedModel("stories-260k", "Stories 260K",
                "A tiny story-telling model for tests.", 260_000L, model.length,
                URI.create(files.url("/resolve/main/stories260K.gguf").toString()), null, "stories260K.gguf");
        MockWebServer closed = new MockWebServer();
        closed.start();
        String nowhere = closed.url("/").toString();
        closed.close();
        return new FirstRunViewModel(new EndpointStore(dir.resolve("endpoints.json")),
                new ModelDownloader(http, background), new LocalServerProbe(http, nowhere, nowhere), List.of(stories),
                models, new ScriptedDialogs(), () -> { }, Platform::runLater, background);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> dialog.getDialog().close());
        background.shutdownNow();
        files.close();
    }

    @Test
    void theDownloadShowsItsProgressCompletesVerifiedAndIsTheResult(FxRobot robot) throws Exception {
        ProgressBar bar = robot.lookup("#first-run-progress").queryAs(ProgressBar.class);
        List<Double> seen = new CopyOnWriteArrayList<>();
        bar.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));

        robot.clickOn("#first-run-download");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#first-run-use-download").queryButton().isVisible());
        assertThat(seen).anyMatch(p -> p > 0 && p < 1);
        assertThat(bar.getProgress()).isEqualTo(1.0);
        assertThat(bar.isVisible()).isTrue();
        assertThat(text(robot, "#first-run-progress-text")).isEqualTo("1.1 MB of 1.1 MB (100 %)");
        assertThat(text(robot, "#first-run-checksum")).startsWith("Verified SHA-256 ");
        Path file = models.resolve("stories260K.gguf");
        assertThat(Files.readAllBytes(file)).isEqualTo(model);

        robot.clickOn("#first-run-use-download");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> result.get() != null);
        assertThat(result.get()).isEqualTo(new FirstRunChoice.EmbeddedModel(file));
        assertThat(dialog.getDialog().isShowing()).isFalse();
        assertThat(closings).hasValue(1);
    }

    @Test
    void notNowClosesWithNothingChosenAndSaysSoOnce(FxRobot robot) throws Exception {
        robot.clickOn("Not now");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> result.get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result.get()).isEqualTo(new FirstRunChoice.Nothing());
        assertThat(closings).hasValue(1);
        assertThat(dialog.getViewModel().finishedProperty().get()).isTrue();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
