// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.RetryScope;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A call made inside {@link RetryScope#callerRetries} goes out once; its failure says whether and when to repeat. */
class CallerRetriesTest {
    private static final CompletionRequest REQUEST = CompletionRequest.of("m",
            new RenderedPrompt.Chat(List.of(ChatMessage.user("Q: 2+2?"))));

    @RegisterExtension
    final MockBackend<OpenAiChatProvider> backend = MockBackend.at("/v1", OpenAiChatProvider::new);

    private CompletionResult stream(OpenAiChatProvider provider, boolean callerRetries) throws InterruptedException {
        RecordingListener listener = new RecordingListener();
        if (callerRetries) {
            RetryScope.callerRetries(() -> provider.stream(REQUEST, listener));
        } else {
            provider.stream(REQUEST, listener);
        }
        return listener.await();
    }

    private static MockResponse rateLimited(String header, String value) {
        return new MockResponse.Builder().code(429).setHeader(header, value)
                .body("{\"error\":{\"message\":\"Rate limit reached\"}}").build();
    }

    private static MockResponse answer() {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                .body("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"4\"},\"finish_reason\":\"stop\"}]}"
                        + "\n\ndata: [DONE]\n\n").build();
    }

    @Test
    void a429IsSentOnceAndCarriesTheServersWait() throws InterruptedException {
        backend.server().enqueue(rateLimited("retry-after-ms", "250"));
        backend.server().enqueue(answer());

        CompletionResult result = stream(backend.provider(), true);

        ProviderException failure = result.failure();
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.repeat()).isEqualTo(new ProviderException.Repeat(Duration.ofMillis(250)));
        assertThat(backend.server().getRequestCount()).isEqualTo(1);
    }

    @Test
    void outsideTheScopeTheHttpLayerStillRetriesItself() throws InterruptedException {
        backend.server().enqueue(rateLimited("Retry-After", "1"));
        backend.server().enqueue(answer());

        CompletionResult result = stream(backend.provider(), false);

        assertThat(result.failure()).isNull();
        assertThat(backend.server().getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerErrorWithoutAWaitMayBeRepeatedAfterTheCallersOwnBackoff() throws InterruptedException {
        backend.server().enqueue(new MockResponse.Builder().code(503).body("{\"error\":{\"message\":\"busy\"}}")
                .build());

        ProviderException failure = stream(backend.provider(), true).failure();

        assertThat(failure).isNotNull();
        assertThat(failure.repeat()).isEqualTo(new ProviderException.Repeat(null));
    }

    @Test
    void aRefusedConnectionMayBeRepeated() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var provider = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                "http://127.0.0.1:" + closedPort + "/v1");

        ProviderException failure = stream(provider, true).failure();

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNREACHABLE);
        assertThat(failure.repeat()).isNotNull();
    }

    @Test
    void aSpentQuotaIsNotToBeRepeated() throws InterruptedException {
        backend.server().enqueue(new MockResponse.Builder().code(429)
                .body("{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\"}}")
                .build());

        ProviderException failure = stream(backend.provider(), true).failure();

        assertThat(failure).isNotNull();
        assertThat(failure.repeat()).isNull();
    }
}
