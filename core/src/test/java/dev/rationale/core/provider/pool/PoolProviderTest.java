// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pool's dispatch and failure handling against real HTTP (MockWebServer replaying OpenAI's chat stream),
 * asserted on what the members saw and the callers heard, never on time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoolProviderTest {
    private static final CompletionRequest REQUEST = CompletionRequest.of("m",
            new RenderedPrompt.Chat(List.of(ChatMessage.user("What is 2 + 3?"))));
    private static final String ANSWER = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"5\"},"
            + "\"finish_reason\":null}]}\n\ndata: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":"
            + "\"stop\"}]}\n\ndata: [DONE]\n\n";

    private final OkHttpClient http = HttpClients.create();
    private final MockWebServer small = new MockWebServer();
    private final MockWebServer large = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        small.start();
        large.start();
    }

    @AfterEach
    void stop() {
        small.close();
        large.close();
    }

    private PoolProvider pool(int smallConcurrency, int largeConcurrency) {
        return new PoolProvider("lab", List.of(
                new PoolProvider.Server("small", new OpenAiChatProvider(http, small.url("/v1").toString()),
                        smallConcurrency),
                new PoolProvider.Server("large", new OpenAiChatProvider(http, large.url("/v1").toString()),
                        largeConcurrency)));
    }

    private static MockResponse answer(long delayMillis) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(ANSWER)
                .headersDelay(delayMillis, TimeUnit.MILLISECONDS).build();
    }

    @Test
    void eachRequestGoesToTheMemberWithTheFewestInFlightForItsConcurrency() throws Exception {
        for (int i = 0; i < 4; i++) {
            small.enqueue(answer(300));
            large.enqueue(answer(300));
        }
        PoolProvider pool = pool(1, 3);
        assertThat(pool.capacity()).isEqualTo(4);
        List<CompletionCollector> collectors = List.of(new CompletionCollector(1), new CompletionCollector(1),
                new CompletionCollector(1), new CompletionCollector(1));

        collectors.forEach(c -> pool.stream(REQUEST, c));

        // Sent as they are streamed: 0/1 and 0/3 tie, then the small one is full and the large takes the rest.
        assertThat(pool.members()).extracting(MemberHealth::inFlight).containsExactly(1, 3);
        for (CompletionCollector collector : collectors) {
            assertThat(collector.await(Duration.ofSeconds(10))).isTrue();
            assertThat(collector.result().first().text()).isEqualTo("5");
        }
        assertThat(small.getRequestCount() + large.getRequestCount()).isEqualTo(4);
        assertThat(pool.members()).extracting(MemberHealth::answered).containsExactly(1L, 3L);
    }

    @Test
    void aRequestWaitingForAMemberIsEndedAtOnceWhenCancelledAndNeverSent() throws Exception {
        small.enqueue(answer(500));
        PoolProvider pool = new PoolProvider("lab", List.of(new PoolProvider.Server("small",
                new OpenAiChatProvider(http, small.url("/v1").toString()), 1)));
        CompletionCollector first = new CompletionCollector(1);
        CompletionCollector second = new CompletionCollector(1);
        pool.stream(REQUEST, first);
        Cancellable waiting = pool.stream(REQUEST, second);

        waiting.cancel();

        assertThat(second.await(Duration.ofSeconds(10))).isTrue();
        assertThat(second.result().first().finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(first.await(Duration.ofSeconds(10))).isTrue();
        assertThat(first.result().first().text()).isEqualTo("5");
        assertThat(small.getRequestCount()).isEqualTo(1);
    }

    @Test
    void whenNoMemberAnswersTheCallerHearsOneFailureThatMayBeRepeatedAndTheMembersAreOut() throws Exception {
        small.close();
        large.close();
        PoolProvider pool = pool(2, 2);
        CompletionCollector collector = new CompletionCollector(1);

        pool.stream(REQUEST, collector);

        assertThat(collector.await(Duration.ofSeconds(20))).isTrue();
        CompletionResult result = collector.result();
        assertThat(result.failure()).isNotNull();
        assertThat(result.failure().kind()).isEqualTo(ProviderException.Kind.UNREACHABLE);
        assertThat(result.failure().repeat()).as("the caller may send it again after a wait").isNotNull();
        assertThat(pool.members()).allSatisfy(m -> {
            assertThat(m.state()).isNotEqualTo(MemberHealth.State.SERVING);
            assertThat(m.failed()).isPositive();
            assertThat(m.inFlight()).isZero();
        });
        assertThat(PoolSummary.compact(pool)).startsWith("lab: small ").contains(" · large ");
    }

    @Test
    void aRequestTheServerRefusesOnItsMeritsIsNotMovedToAnotherMember() throws Exception {
        small.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":{\"message\":\"context too long\"}}").build());
        large.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":{\"message\":\"context too long\"}}").build());
        PoolProvider pool = pool(1, 1);
        CompletionCollector collector = new CompletionCollector(1);

        pool.stream(REQUEST, collector);

        assertThat(collector.await(Duration.ofSeconds(10))).isTrue();
        assertThat(collector.result().failure().kind()).isEqualTo(ProviderException.Kind.INVALID_REQUEST);
        assertThat(small.getRequestCount() + large.getRequestCount()).isEqualTo(1);
        assertThat(pool.members()).allSatisfy(m -> assertThat(m.state()).isEqualTo(MemberHealth.State.SERVING));
    }
}
