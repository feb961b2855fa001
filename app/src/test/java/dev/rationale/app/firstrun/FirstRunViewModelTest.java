// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.app.fx.ScriptedDialogs;
import dev.rationale.core.download.DetectedServer;
import dev.rationale.core.download.LocalServerProbe;
import dev.rationale.core.download.ModelDownloader;
import dev.rationale.core.download.RecommendedModel;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javafx.beans.value.ObservableValue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstRunViewModelTest {
    private static final OkHttpClient HTTP = HttpClients.create();
    private static final long WAIT_SECONDS = 30;
    private static byte[] model;
    private static String modelSha256;

    @TempDir
    private Path dir;
    private final MockWebServer files = new MockWebServer();
    private final MockWebServer ollama = new MockWebServer();
    // Downloads really run on another thread, so a cancel can land mid-transfer; fx and background are this thread.
    private final ExecutorService downloads = Executors.newSingleThreadExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final AtomicInteger endpointsOpened = new AtomicInteger();
    private Path models;
    private EndpointStore store;
    private String closedUrl;

    @BeforeAll
    static void readModel() throws Exception {
        Path folder = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"));
        model = Files.readAllBytes(folder.resolve("stories260K.gguf"));
        modelSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
    }

    @BeforeEach
    void start() throws IOException {
        files.start();
        ollama.start();
        MockWebServer closed = new MockWebServer();
        closed.start();
        closedUrl = base(closed);
        closed.close();
        models = dir.resolve("models");
        store = new EndpointStore(dir.resolve("config").resolve("endpoints.json"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        downloads.shutdownNow();
        files.close();
        ollama.close();
        downloads.awaitTermination(10, TimeUnit.SECONDS);
    }

    private FirstRunViewModel viewModel(String ollamaUrl) {
        RecommendedModel stories = new RecommendedModel("stories-260k", "Stories 260K", "A tiny test model.",
                260_000L, model.length, URI.create(files.url("/resolve/main/stories260K.gguf").toString()), null,
                "stories260K.gguf");
        return new FirstRunViewModel(store, new ModelDownloader(HTTP, downloads),
                new LocalServerProbe(HTTP, ollamaUrl, closedUrl), List.of(stories), models, dialogs,
                endpointsOpened::incrementAndGet, Runnable::run, Runnable::run);
    }

    private static String base(MockWebServer server) {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private static MockResponse whole() {
        return new MockResponse.Builder().setHeader("X-Linked-Etag", "\"" + modelSha256 + "\"")
                .body(new Buffer().write(model)).build();
    }

    /** Completes once {@code value} satisfies {@code condition}, on whichever thread changes it. */
    private static <T> CompletableFuture<T> when(ObservableValue<T> value, Predicate<T> condition) {
        CompletableFuture<T> reached = new CompletableFuture<>();
        value.addListener((obs, old, now) -> {
            if (condition.test(now)) {
                reached.complete(now);
            }
        });
        if (condition.test(value.getValue())) {
            reached.complete(value.getValue());
        }
        return reached;
    }

    @Test
    void downloadsARecommendedModelReportsProgressToAHundredPercentAndVerifiesIt() throws Exception {
        files.enqueue(whole());
        FirstRunViewModel viewModel = viewModel(closedUrl);
        ModelDownloadViewModel download = viewModel.getDownload();
        List<String> progress = new CopyOnWriteArrayList<>();
        download.progressTextProperty().addListener((obs, old, now) -> progress.add(now));
        CompletableFuture<DownloadState> done = when(download.stateProperty(), s -> s == DownloadState.DONE);

        download.start();
        done.get(WAIT_SECONDS, TimeUnit.SECONDS);

        Path file = models.resolve("stories260K.gguf");
        assertThat(Files.readAllBytes(file)).isEqualTo(model);
        assertThat(download.progressProperty().get()).isEqualTo(1.0);
        assertThat(progress.getLast()).isEqualTo("1.1 MB of 1.1 MB (100 %)");
        assertThat(progress).anyMatch(text -> text.endsWith("(0 %)"));
        assertThat(download.checksumProperty().get())
                .isEqualTo("Verified SHA-256 " + modelSha256.substring(0, 16) + "…");
        assertThat(download.verifiedProperty().get()).isTrue();
        assertThat(download.downloadedFileProperty().get()).isEqualTo(file);

        viewModel.useDownloadedModel();
        assertThat(viewModel.getChoice()).isEqualTo(new FirstRunChoice.EmbeddedModel(file));
        assertThat(viewModel.finishedProperty().get()).isTrue();
    }

    @Test
    void withoutAStatedChecksumTheFileIsKeptButShownAsNotVerified() throws Exception {
        files.enqueue(new MockResponse.Builder().body(new Buffer().write(model)).build());
        ModelDownloadViewModel download = viewModel(closedUrl).getDownload();
        CompletableFuture<DownloadState> done = when(download.stateProperty(), s -> s == DownloadState.DONE);

        download.start();
        done.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(download.checksumProperty().get()).startsWith("Not verified: no checksum was given");
        assertThat(download.verifiedProperty().get()).isFalse();
    }

    @Test
    void cancellingMidwayKeepsThePartFileAndStartingAgainResumesWithARange() throws Exception {
        files.enqueue(new MockResponse.Builder().setHeader("X-Linked-Etag", "\"" + modelSha256 + "\"")
                .body(new Buffer().write(model)).throttleBody(32 * 1024, 50, TimeUnit.MILLISECONDS).build());
        FirstRunViewModel viewModel = viewModel(closedUrl);
        ModelDownloadViewModel download = viewModel.getDownload();
        CompletableFuture<Number> someBytes = when(download.progressProperty(), p -> p.doubleValue() > 0);
        CompletableFuture<DownloadState> cancelled =
                when(download.stateProperty(), s -> s == DownloadState.CANCELLED);

        download.start();
        someBytes.get(WAIT_SECONDS, TimeUnit.SECONDS);
        download.cancel();
        cancelled.get(WAIT_SECONDS, TimeUnit.SECONDS);

        Path part = ModelDownloader.partFileOf(models.resolve("stories260K.gguf"));
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(model.length);
        assertThat(download.messageProperty().get()).startsWith("Cancelled; ").contains("kept");
        assertThat(models.resolve("stories260K.gguf")).doesNotExist();

        files.enqueue(new MockResponse.Builder().code(206)
                .setHeader("Content-Range", "bytes " + kept + "-" + (model.length - 1) + "/" + model.length)
                .setHeader("X-Linked-Etag", "\"" + modelSha256 + "\"")
                .body(new Buffer().write(Arrays.copyOfRange(model, (int) kept, model.length))).build());
        CompletableFuture<DownloadState> done = when(download.stateProperty(), s -> s == DownloadState.DONE);
        download.start();
        done.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(models.resolve("stories260K.gguf"))).isEqualTo(model);
        assertThat(part).doesNotExist();
        assertThat(download.verifiedProperty().get()).isTrue();
        assertThat(files.takeRequest().getHeaders().get("Range")).isNull();
        assertThat(files.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=" + kept + "-");
    }

    @Test
    void aFailedDownloadShowsItsOneLineMessage() throws Exception {
        files.enqueue(new MockResponse.Builder().code(404).body("Entry not found").build());
        ModelDownloadViewModel download = viewModel(closedUrl).getDownload();
        CompletableFuture<DownloadState> failed = when(download.stateProperty(), s -> s == DownloadState.FAILED);

        download.start();
        failed.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(download.messageProperty().get()).startsWith("Could not download stories260K.gguf: ")
                .contains("404").doesNotContain("\n");
    }

    @Test
    void listsAnOllamaServerRunningHereAndSavesAnEndpointForIt() {
        ollama.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return "/api/version".equals(request.getUrl().encodedPath())
                        ? new MockResponse.Builder().setHeader("Content-Type", "application/json")
                                .body("{\"version\":\"0.12.11\"}").build()
                        : new MockResponse.Builder().code(404).build();
            }
        });
        FirstRunViewModel viewModel = viewModel(base(ollama));

        viewModel.findServers();

        DetectedServer found = new DetectedServer(ProviderKind.OLLAMA, base(ollama), "Ollama 0.12.11");
        assertThat(viewModel.getServers()).containsExactly(found);
        assertThat(viewModel.serversMessageProperty().get()).isEmpty();
        assertThat(viewModel.searchingProperty().get()).isFalse();

        viewModel.useServer(found);

        Endpoint saved = new Endpoint("local-ollama", ProviderKind.OLLAMA, base(ollama), null, null);
        assertThat(store.load()).containsExactly(saved);
        assertThat(viewModel.getChoice()).isEqualTo(new FirstRunChoice.NewEndpoint(saved));
        assertThat(viewModel.finishedProperty().get()).isTrue();
    }

    @Test
    void saysSoWhenNoServerIsRunning() {
        FirstRunViewModel viewModel = viewModel(closedUrl);

        viewModel.findServers();

        assertThat(viewModel.getServers()).isEmpty();
        assertThat(viewModel.serversMessageProperty().get()).startsWith("None is running.");
    }

    @Test
    void aChosenFileIsUsedWhereItIs() throws IOException {
        Path gguf = dir.resolve("Downloads").resolve("my-model.gguf");
        Files.createDirectories(gguf.getParent());
        Files.copy(sharedModel(), gguf);
        dialogs.answerFile(gguf);
        FirstRunViewModel viewModel = viewModel(closedUrl);

        viewModel.chooseModelFile();

        assertThat(viewModel.getChoice()).isEqualTo(new FirstRunChoice.EmbeddedModel(gguf));
        assertThat(viewModel.fileMessageProperty().get()).isEmpty();
        assertThat(models).doesNotExist();
    }

    @Test
    void aChosenFileThatFailsTheModelCheckIsNotUsedAndTheLineSaysWhy() throws IOException {
        Path gguf = dir.resolve("broken.gguf");
        byte[] bytes = Files.readAllBytes(sharedModel());
        // Metadata key 3 (general.license) starts at byte 145 of stories260K.gguf: give it an empty name.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(145, 0);
        Files.write(gguf, bytes);
        dialogs.answerFile(gguf);
        FirstRunViewModel viewModel = viewModel(closedUrl);

        viewModel.chooseModelFile();

        assertThat(viewModel.finishedProperty().get()).isFalse();
        assertThat(viewModel.getChoice()).isEqualTo(new FirstRunChoice.Nothing());
        assertThat(viewModel.fileMessageProperty().get()).isEqualTo("broken.gguf: metadata key 3 is empty (byte 145)");
    }

    private static Path sharedModel() {
        return Path.of(System.getProperty("rationale.models.dir", "../../shared/models")).resolve("stories260K.gguf");
    }

    @Test
    void goingToTheEndpointsDialogEndsWithNothingChosen() {
        FirstRunViewModel viewModel = viewModel(closedUrl);

        viewModel.openEndpoints();

        assertThat(viewModel.getChoice()).isEqualTo(new FirstRunChoice.Nothing());
        assertThat(viewModel.finishedProperty().get()).isTrue();
        assertThat(endpointsOpened).hasValue(1);
    }

    @Test
    void firstRunIsNeededOnlyWithoutEndpointsAndWithoutModels() throws IOException {
        assertThat(FirstRunCheck.isNeeded(store, models)).isTrue();

        Files.createDirectories(models.resolve("publisher"));
        Files.write(models.resolve("publisher").resolve("tiny.GGUF"), new byte[] {1});
        assertThat(FirstRunCheck.isNeeded(store, models)).isFalse();

        store.save(List.of(new Endpoint("local", ProviderKind.OLLAMA, null, null, null)));
        assertThat(FirstRunCheck.isNeeded(store, dir.resolve("empty"))).isFalse();
    }
}
