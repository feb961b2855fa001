// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import java.io.IOException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalServerProbeTest {
    private final MockWebServer ollama = new MockWebServer();
    private final MockWebServer llamaCpp = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private final OkHttpClient client = TestHttp.client(sleeper);
    private String closedUrl;

    @BeforeEach
    void start() throws IOException {
        ollama.start();
        llamaCpp.start();
        MockWebServer closed = new MockWebServer();
        closed.start();
        closedUrl = closed.url("/").toString();
        closed.close();
    }

    @AfterEach
    void stop() {
        ollama.close();
        llamaCpp.close();
    }

    /** Answers by path, like the real server, so the probe's order of requests does not matter. */
    private static Dispatcher answering(String path, MockResponse answer, String otherPath, MockResponse other) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String requested = request.getUrl().encodedPath();
                if (requested.equals(path)) {
                    return answer;
                }
                return requested.equals(otherPath) ? other : new MockResponse.Builder().code(404).build();
            }
        };
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static String base(MockWebServer server) {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    private void ollamaAnswers() {
        ollama.setDispatcher(answering("/api/version", json(200, "{\"version\":\"0.12.11\"}"), "", json(404, "")));
    }

    @Test
    void detectsOllamaAndALlamaCppServerWithItsModel() {
        ollamaAnswers();
        llamaCpp.setDispatcher(answering("/health", json(200, "{\"status\":\"ok\"}"), "/v1/models", json(200,
                "{\"object\":\"list\",\"data\":[{\"id\":\"qwen2.5-0.5b-instruct-q4_k_m.gguf\",\"object\":\"model\","
                        + "\"owned_by\":\"llamacpp\",\"meta\":{\"n_params\":494032768}}]}")));

        LocalServerProbe probe = new LocalServerProbe(client, base(ollama) + "/", base(llamaCpp));

        assertThat(probe.probe()).containsExactly(
                new DetectedServer(ProviderKind.OLLAMA, base(ollama), "Ollama 0.12.11"),
                new DetectedServer(ProviderKind.LLAMACPP, base(llamaCpp),
                        "llama.cpp server, model qwen2.5-0.5b-instruct-q4_k_m.gguf"));
    }

    @Test
    void aClosedPortIsSimplyAbsentAndNotRetried() {
        ollamaAnswers();

        assertThat(new LocalServerProbe(client, base(ollama), closedUrl).probe())
                .extracting(DetectedServer::kind).containsExactly(ProviderKind.OLLAMA);
        assertThat(new LocalServerProbe(client, closedUrl, closedUrl).probe()).isEmpty();
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aLlamaCppServerStillLoadingItsModelIsListedAsLoading() {
        llamaCpp.setDispatcher(answering("/health", json(503,
                "{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"),
                "/v1/models", json(503, "")));

        assertThat(new LocalServerProbe(client, closedUrl, base(llamaCpp)).probe()).containsExactly(
                new DetectedServer(ProviderKind.LLAMACPP, base(llamaCpp), "llama.cpp server, still loading its model"));
    }

    @Test
    void anOlderLlamaCppServerLoadingItsModelIsListedAsLoadingToo() {
        llamaCpp.setDispatcher(answering("/health", json(503, "{\"status\":\"loading model\"}"), "",
                json(404, "")));

        assertThat(new LocalServerProbe(client, closedUrl, base(llamaCpp)).probe()).extracting(
                DetectedServer::description).containsExactly("llama.cpp server, still loading its model");
    }

    @Test
    void aLlamaCppServerWithoutAModelListIsStillDetected() {
        llamaCpp.setDispatcher(answering("/health", json(200, "{\"status\":\"ok\"}"), "/v1/models", json(404, "")));

        assertThat(new LocalServerProbe(client, closedUrl, base(llamaCpp)).probe()).containsExactly(
                new DetectedServer(ProviderKind.LLAMACPP, base(llamaCpp), "llama.cpp server"));
    }

    @Test
    void otherServersOnThosePortsAreNotMistakenForModelServers() {
        ollama.setDispatcher(answering("/api/version", json(200, "<html>hello</html>"), "", json(404, "")));
        llamaCpp.setDispatcher(answering("/health", json(503, "{\"status\":\"down for maintenance\"}"), "",
                json(404, "")));
        LocalServerProbe probe = new LocalServerProbe(client, base(ollama), base(llamaCpp));

        assertThat(probe.probe()).isEmpty();

        llamaCpp.setDispatcher(answering("/health", json(200, "OK"), "", json(404, "")));
        assertThat(probe.probe()).isEmpty();
    }
}
