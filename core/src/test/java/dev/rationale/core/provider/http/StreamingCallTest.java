// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionEvent.Completed;
import dev.rationale.core.provider.CompletionEvent.Failed;
import dev.rationale.core.provider.CompletionEvent.Notice;
import dev.rationale.core.provider.CompletionEvent.SampleFinished;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderException.Kind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingCallTest {
    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = TestHttp.client(new TestHttp.FakeSleeper());

    /** A toy protocol: "t:x" is text x, "f" ends sample 0, "err" is an in-band error, "{" is bad JSON. */
    private static final StreamingCall.BodyHandler TOY = (BufferedSource body, StreamingCall.Emitter emitter) -> {
        SseReader reader = new SseReader(body);
        AtomicReference<String> data = new AtomicReference<>();
        while (reader.next((type, payload) -> data.set(payload))) {
            String event = data.get();
            if (event.startsWith("t:")) {
                emitter.emit(new TextDelta(0, event.substring(2)));
            } else if (event.equals("f")) {
                emitter.emit(new SampleFinished(0, FinishReason.STOP));
            } else if (event.equals("err")) {
                throw new ProviderException(Kind.SERVER_ERROR, "Toy: boom");
            } else if (event.equals("{")) {
                new ObjectMapper().readTree(event);
            } else if (event.equals("end")) {
                return;
            }
        }
        throw emitter.cutShort("without an end event");
    };

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static RequestCheck.Checked checked(int samples, String... notices) {
        CompletionRequest request = CompletionRequest.of("toy", new RenderedPrompt.Text("p")).withSamples(samples);
        return new RequestCheck.Checked(request, List.of(notices));
    }

    private StreamingCall start(RequestCheck.Checked checked, RecordingListener listener) {
        Request request = new Request.Builder().url(server.url("/stream"))
                .post(RequestBody.create("{}", JsonBody.JSON)).build();
        return StreamingCall.start(client, request, "Toy", checked, TOY, listener);
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
    }

    @Test
    void sendsNoticesFirstThenEventsAndEndsUnfinishedSamplesBeforeCompleting() throws InterruptedException {
        server.enqueue(sse("data: t:Hel\n\ndata: t:lo\n\ndata: f\n\ndata: end\n\n"));
        RecordingListener listener = new RecordingListener(2, event -> { });

        start(checked(2, "Toy takes no seed"), listener);
        CompletionResult result = listener.await();

        assertThat(listener.events().getFirst()).isEqualTo(new Notice("Toy takes no seed"));
        assertThat(result.first().text()).isEqualTo("Hello");
        assertThat(listener.eventsOf(SampleFinished.class)).containsExactly(
                new SampleFinished(0, FinishReason.STOP), new SampleFinished(1, FinishReason.OTHER));
        assertThat(listener.events().getLast()).isInstanceOf(Completed.class);
        assertThat(result.timings().firstTokenMillis()).isNotNull();
    }

    @Test
    void returnsBeforeTheServerAnswers() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        RecordingListener listener = new RecordingListener();

        StreamingCall call = start(checked(1, "a notice"), listener);

        assertThat(listener.events()).isEmpty();
        call.cancel();
        listener.await();
    }

    @Test
    void cancellingBeforeTheAnswerEndsCancelledOnce() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        RecordingListener listener = new RecordingListener();

        StreamingCall call = start(checked(1), listener);
        call.cancel();
        call.cancel();
        CompletionResult result = listener.await();

        assertThat(result.failed()).isFalse();
        assertThat(listener.events()).hasSize(2).first().isEqualTo(new SampleFinished(0, FinishReason.CANCELLED));
    }

    @Test
    void cancellingFromTheListenerStopsFurtherEvents() throws InterruptedException {
        server.enqueue(sse("data: t:one\n\ndata: t:two\n\ndata: f\n\ndata: end\n\n"));
        AtomicReference<StreamingCall> call = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        RecordingListener listener = new RecordingListener(1, event -> {
            if (event instanceof TextDelta) {
                awaitQuietly(started);
                call.get().cancel();
            }
        });

        call.set(start(checked(1), listener));
        started.countDown();
        CompletionResult result = listener.await();

        assertThat(result.first().text()).isEqualTo("one");
        assertThat(result.first().finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(listener.events().getLast()).isInstanceOf(Completed.class);
    }

    @Test
    void mapsAnErrorStatusToAFailureAfterTheNotices() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error\":{\"message\":\"model toy-9 not found\"}}").build());
        RecordingListener listener = new RecordingListener();

        start(checked(1, "first"), listener);
        CompletionResult result = listener.await();

        assertThat(listener.events()).hasSize(2).first().isInstanceOf(Notice.class);
        assertThat(result.failure().kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(result.failure().getMessage()).isEqualTo("Toy: HTTP 404: model toy-9 not found");
    }

    @Test
    void reportsAnUnreachableServer() throws InterruptedException, IOException {
        MockWebServer gone = new MockWebServer();
        gone.start();
        Request request = new Request.Builder().url(gone.url("/stream")).build();
        gone.close();
        RecordingListener listener = new RecordingListener();

        StreamingCall.start(client, request, "Toy", checked(1), TOY, listener);

        assertThat(listener.await().failure().kind()).isEqualTo(Kind.UNREACHABLE);
    }

    @Test
    void keepsWhatArrivedWhenTheHandlerReportsAnError() throws InterruptedException {
        server.enqueue(sse("data: t:partial\n\ndata: err\n\n"));
        RecordingListener listener = new RecordingListener();

        start(checked(1), listener);
        CompletionResult result = listener.await();

        assertThat(result.first().text()).isEqualTo("partial");
        assertThat(result.failure()).hasMessage("Toy: boom");
    }

    @Test
    void reportsUnparseableJsonAsAMalformedReply() throws InterruptedException {
        server.enqueue(sse("data: {\n\n"));
        RecordingListener listener = new RecordingListener();

        start(checked(1), listener);

        assertThat(listener.await().failure().kind()).isEqualTo(Kind.MALFORMED_REPLY);
    }

    @Test
    void reportsABodyEndingEarlyAsInterrupted() throws InterruptedException {
        server.enqueue(sse("data: t:a\n\ndata: t:b\n\n"));
        RecordingListener listener = new RecordingListener();

        start(checked(1), listener);
        CompletionResult result = listener.await();

        assertThat(result.first().text()).isEqualTo("ab");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure()).hasMessage("Toy: the stream ended without an end event after 2 tokens");
    }

    @Test
    void reportsAConnectionCutMidStreamAsInterruptedKeepingTheText() throws InterruptedException {
        String events = "data: t:kept\n\n";
        server.enqueue(new MockResponse.Builder().body(events + ": " + "x".repeat(200) + "\n\ndata: t:lost\n\n")
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
        RecordingListener listener = new RecordingListener();

        start(checked(1), listener);
        CompletionResult result = listener.await();

        assertThat(result.first().text()).isEqualTo("kept");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure().getMessage()).startsWith("Toy: the stream was cut after 1 tokens");
    }

    @Test
    void endsTheStreamAsFailedWhenTheListenerThrows() throws InterruptedException {
        server.enqueue(sse("data: t:a\n\ndata: t:b\n\ndata: end\n\n"));
        RuntimeException bug = new IllegalStateException("listener bug");
        RecordingListener listener = new RecordingListener(1, event -> {
            if (event instanceof TextDelta) {
                throw bug;
            }
        });

        start(checked(1), listener);
        CompletionResult result = listener.await();

        assertThat(result.first().text()).isEqualTo("a");
        assertThat(result.failure().kind()).isEqualTo(Kind.INTERRUPTED);
        assertThat(result.failure()).hasCause(bug);
        assertThat(listener.events().getLast()).isInstanceOf(Failed.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
