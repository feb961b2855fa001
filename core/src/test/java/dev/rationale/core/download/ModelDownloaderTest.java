// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.download.DownloadEvent.Cancelled;
import dev.rationale.core.download.DownloadEvent.Done;
import dev.rationale.core.download.DownloadEvent.Failed;
import dev.rationale.core.download.DownloadEvent.NotVerified;
import dev.rationale.core.download.DownloadEvent.Progress;
import dev.rationale.core.download.DownloadEvent.Verified;
import dev.rationale.core.provider.http.TestHttp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jspecify.annotations.Nullable;

class ModelDownloaderTest {
    private static final String THREAD = "download-worker";
    private static byte[] model;
    private static String modelSha256;

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = TestHttp.client(new TestHttp.FakeSleeper());
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, THREAD));
    private final ModelDownloader downloader = new ModelDownloader(client, executor);
    @TempDir
    private Path folder;
    private HttpUrl url;
    private Path target;
    private Path part;

    @BeforeAll
    static void readModel() throws Exception {
        Path models = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"));
        model = Files.readAllBytes(models.resolve("stories260K.gguf"));
        modelSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        url = server.url("/bartowski/stories/resolve/main/stories260K.gguf");
        target = folder.resolve("models").resolve("stories260K.gguf");
        part = ModelDownloader.partFileOf(target);
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        server.close();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static MockResponse.Builder whole() {
        return new MockResponse.Builder().body(new Buffer().write(model));
    }

    private static MockResponse.Builder from(long offset) {
        return new MockResponse.Builder().code(206)
                .setHeader("Content-Range", "bytes " + offset + "-" + (model.length - 1) + "/" + model.length)
                .body(new Buffer().write(Arrays.copyOfRange(model, (int) offset, model.length)));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private DownloadRecorder download(@Nullable String expectedSha256) {
        DownloadRecorder recorder = new DownloadRecorder();
        downloader.start(url, target, expectedSha256, recorder);
        return recorder;
    }

    private String host() {
        return url.host() + ":" + url.port();
    }

    private void assertTargetIsTheModel() throws IOException {
        assertThat(Files.readAllBytes(target)).isEqualTo(model);
        assertThat(part).doesNotExist();
    }

    @Test
    void downloadsTheWholeFileVerifiesItAndReportsProgressUpToTheTotal() throws Exception {
        server.enqueue(whole().build());

        DownloadRecorder recorder = download(modelSha256);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertTargetIsTheModel();
        List<Progress> progress = recorder.progress();
        assertThat(progress.getFirst()).isEqualTo(new Progress(0, model.length));
        assertThat(progress.getLast()).isEqualTo(new Progress(model.length, model.length));
        assertThat(progress).extracting(Progress::bytes).isSorted();
        assertThat(recorder.events()).endsWith(new Progress(model.length, model.length), new Verified(modelSha256),
                new Done(target));
        assertThat(recorder.threads()).containsOnly(THREAD);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Range")).isNull();
        assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void resumesFromThePartFileAfterTheConnectionBrokeMidway() throws Exception {
        server.enqueue(whole().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());

        DownloadEvent first = download(modelSha256).await();

        assertThat(first).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.message())
                .contains("connection to " + host() + " broke", "start again to resume"));
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(model.length);
        assertThat(target).doesNotExist();

        server.enqueue(from(kept).build());
        DownloadRecorder second = download(modelSha256);

        assertThat(second.await()).isEqualTo(new Done(target));
        assertTargetIsTheModel();
        assertThat(second.progress().getFirst()).isEqualTo(new Progress(kept, model.length));
        assertThat(second.events()).contains(new Verified(modelSha256));
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=" + kept + "-");
    }

    @Test
    void startsOverCleanlyWhenTheServerIgnoresTheRange() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(part, new byte[1000]);
        server.enqueue(whole().build());

        DownloadRecorder recorder = download(modelSha256);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertTargetIsTheModel();
        assertThat(recorder.progress().getFirst()).isEqualTo(new Progress(0, model.length));
        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=1000-");
    }

    @Test
    void startsOverWhenThePartialAnswerBeginsElsewhere() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(part, new byte[1000]);
        server.enqueue(from(0).build());
        server.enqueue(whole().build());

        assertThat(download(modelSha256).await()).isEqualTo(new Done(target));

        assertTargetIsTheModel();
        assertThat(server.takeRequest().getHeaders().get("Range")).isEqualTo("bytes=1000-");
        assertThat(server.takeRequest().getHeaders().get("Range")).isNull();
    }

    @Test
    void rangeNotSatisfiableMeansCompleteWhenTheSizesMatch() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(part, model);
        server.enqueue(new MockResponse.Builder().code(416).setHeader("Content-Range", "bytes */" + model.length)
                .setHeader("X-Linked-Etag", quoted(modelSha256)).build());

        DownloadRecorder recorder = download(null);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertTargetIsTheModel();
        assertThat(recorder.events()).containsExactly(new Progress(model.length, model.length),
                new Verified(modelSha256), new Done(target));
    }

    @Test
    void rangeNotSatisfiableForAnotherSizeStartsOver() throws Exception {
        Files.createDirectories(target.getParent());
        Files.write(part, new byte[model.length + 10]);
        server.enqueue(new MockResponse.Builder().code(416).setHeader("Content-Range", "bytes */" + model.length)
                .build());
        server.enqueue(whole().build());

        assertThat(download(modelSha256).await()).isEqualTo(new Done(target));

        assertTargetIsTheModel();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aWrongExpectedChecksumFailsAndDeletesThePartFile() throws Exception {
        server.enqueue(whole().build());
        String wrong = "ab".repeat(32);

        DownloadEvent end = download(wrong.toUpperCase()).await();

        assertThat(end).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.message())
                .contains("stories260K.gguf is damaged", modelSha256.substring(0, 12), "abababababab", "expected",
                        "deleted"));
        assertThat(part).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void takesTheChecksumFromXLinkedEtagWhenNoneIsExpected() throws Exception {
        server.enqueue(whole().setHeader("X-Linked-Etag", quoted(modelSha256)).setHeader("ETag", quoted("0123abcd"))
                .build());

        DownloadRecorder recorder = download(null);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertThat(recorder.events()).contains(new Verified(modelSha256));
        assertTargetIsTheModel();
    }

    @Test
    void findsXLinkedEtagOnTheRedirectLikeHuggingFaceSendsIt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", server.url("/cdn/blob?sig=1"))
                .setHeader("X-Linked-Etag", quoted(modelSha256)).build());
        server.enqueue(whole().setHeader("ETag", quoted("d41d8cd98f00b204e9800998ecf8427e")).build());

        DownloadRecorder recorder = download(null);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertThat(recorder.events()).contains(new Verified(modelSha256));
        assertThat(server.takeRequest().getUrl().encodedPath()).endsWith("/stories260K.gguf");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/cdn/blob");
    }

    @Test
    void acceptsAStrongEtagOfSixtyFourHexDigitsAsTheChecksum() throws Exception {
        server.enqueue(whole().setHeader("ETag", quoted(modelSha256.toUpperCase())).build());

        DownloadRecorder recorder = download(null);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertThat(recorder.events()).contains(new Verified(modelSha256));
    }

    @Test
    void aServerChecksumThatDiffersFailsNamingTheServer() throws Exception {
        server.enqueue(whole().setHeader("X-Linked-Etag", quoted("cd".repeat(32))).build());

        DownloadEvent end = download(null).await();

        assertThat(end).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.message())
                .contains("damaged", "stated by " + host()));
        assertThat(part).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void withoutAnyChecksumTheDownloadEndsDoneButNotVerified() throws Exception {
        server.enqueue(whole().setHeader("ETag", "W/" + quoted(modelSha256)).build());

        DownloadRecorder recorder = download(null);

        assertThat(recorder.await()).isEqualTo(new Done(target));
        assertThat(recorder.events()).filteredOn(NotVerified.class::isInstance).hasSize(1);
        assertThat(recorder.events()).noneMatch(Verified.class::isInstance);
        assertTargetIsTheModel();
    }

    @Test
    void cancellingMidDownloadReportsCancelledAndKeepsThePartFile() throws Exception {
        server.enqueue(whole().onResponseBody(SocketEffect.Stall.INSTANCE).build());
        DownloadRecorder recorder = new DownloadRecorder();

        Download running = downloader.start(url, target, modelSha256, recorder);
        recorder.awaitBytes();
        running.cancel();
        DownloadEvent end = recorder.await();

        assertThat(end).isInstanceOfSatisfying(Cancelled.class, cancelled -> {
            assertThat(cancelled.bytesKept()).isPositive().isLessThan(model.length);
            assertThat(part).hasSize(cancelled.bytesKept());
        });
        assertThat(recorder.events()).noneMatch(Failed.class::isInstance);
        assertThat(target).doesNotExist();
        running.cancel();
    }

    @Test
    void cancellingBeforeTheTaskRunsSendsNothing() throws Exception {
        List<Runnable> tasks = new ArrayList<>();
        DownloadRecorder recorder = new DownloadRecorder();

        Download pending = new ModelDownloader(client, tasks::add).start(url, target, null, recorder);
        assertThat(recorder.events()).isEmpty();
        pending.cancel();
        tasks.forEach(Runnable::run);

        assertThat(recorder.await()).isEqualTo(new Cancelled(0));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void notFoundFailsWithAMessageNamingHostAndStatus() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("Entry not found").build());

        DownloadEvent end = download(null).await();

        assertThat(end).isEqualTo(new Failed("Could not download stories260K.gguf: " + host()
                + " answered HTTP 404 Client Error (no such file)"));
        assertThat(part).doesNotExist();
    }

    @Test
    void anEmptyAnswerIsNotAModel() throws Exception {
        server.enqueue(new MockResponse.Builder().body("").build());

        DownloadEvent end = download(null).await();

        assertThat(end).isEqualTo(new Failed("Could not download stories260K.gguf: " + host()
                + " sent an empty file"));
        assertThat(target).doesNotExist();
        assertThat(part).doesNotExist();
    }

    @Test
    void anUnreachableServerFailsWithoutThrowing() throws Exception {
        server.close();

        DownloadEvent end = download(null).await();

        assertThat(end).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.message())
                .startsWith("Could not download stories260K.gguf: cannot reach " + host()));
    }

    @Test
    void aDiskErrorFailsWithAMessageNamingTheFile() throws Exception {
        Path blocked = folder.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        target = blocked.resolve("stories260K.gguf");

        DownloadEvent end = download(null).await();

        assertThat(end).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.message())
                .startsWith("Cannot write " + blocked));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSecondDownloadOfTheSameTargetIsRefusedWhileTheFirstRuns() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            ModelDownloader parallel = new ModelDownloader(client, two);
            server.enqueue(whole().onResponseBody(SocketEffect.Stall.INSTANCE).build());
            DownloadRecorder first = new DownloadRecorder();
            Download running = parallel.start(url, target, null, first);
            first.awaitBytes();

            DownloadRecorder second = new DownloadRecorder();
            parallel.start(url, target, null, second);
            DownloadEvent refused = second.await();
            running.cancel();

            assertThat(refused).isEqualTo(new Failed(part + " is already being downloaded"));
            assertThat(first.await()).isInstanceOf(Cancelled.class);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aListenerThatThrowsEndsTheDownloadAsFailed() throws Exception {
        server.enqueue(whole().build());
        DownloadRecorder recorder = new DownloadRecorder(event -> {
            if (event instanceof Progress) {
                throw new IllegalStateException("view is gone");
            }
        });

        downloader.start(url, target, null, recorder);

        assertThat(recorder.await()).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.message())
                .contains("listener failed", "view is gone"));
        assertThat(target).doesNotExist();
    }

    @Test
    void downloadsARecommendedModelIntoAFolderUnderItsFileName() throws Exception {
        server.enqueue(whole().build());
        RecommendedModel tiny = new RecommendedModel("stories", "Stories 260K", "A test model.", 260_000,
                model.length, URI.create(url.toString()), modelSha256, "stories-test.gguf");
        DownloadRecorder recorder = new DownloadRecorder();

        downloader.start(tiny, folder, recorder);

        assertThat(recorder.await()).isEqualTo(new Done(folder.resolve("stories-test.gguf")));
        assertThat(recorder.events()).contains(new Verified(modelSha256));
        assertThat(Files.readAllBytes(folder.resolve("stories-test.gguf"))).isEqualTo(model);
    }

    @Test
    void anExpectedChecksumThatIsNotSixtyFourHexDigitsIsRefusedAtOnce() {
        assertThatThrownBy(() -> downloader.start(url, target, "abc", new DownloadRecorder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64 hex digits");
    }
}
