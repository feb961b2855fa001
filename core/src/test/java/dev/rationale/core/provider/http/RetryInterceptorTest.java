// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryInterceptorTest {
    private final MockWebServer server = new MockWebServer();
    private final TestHttp.FakeSleeper sleeper = new TestHttp.FakeSleeper();
    private final OkHttpClient client = new OkHttpClient.Builder().addInterceptor(TestHttp.retry(sleeper)).build();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Response post(OkHttpClient using) throws IOException {
        Request request = new Request.Builder().url(server.url("/v1/chat/completions"))
                .post(RequestBody.create("{}", JsonBody.JSON)).build();
        return using.newCall(request).execute();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"try later\"}}").build();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().body("done").build();
    }

    @Test
    void waitsTheSecondsRetryAfterNamesThenSucceeds() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        server.enqueue(ok());

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("done");
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void prefersRetryAfterMs() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("retry-after-ms", "1500")
                .setHeader("Retry-After", "9").build());
        server.enqueue(ok());

        post(client).close();

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void readsRetryAfterAsAnHttpDate() throws IOException {
        String in30Seconds = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(TestHttp.NOW.plusSeconds(30).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", in30Seconds).build());
        server.enqueue(ok());

        post(client).close();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void readsGeminisRetryDelayFromA429Body() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":{\"code\":429,\"status\":"
                + "\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                + "\"retryDelay\":\"37s\"}]}}").build());
        server.enqueue(ok());

        post(client).close();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(37));
    }

    @Test
    void backsOffExponentiallyOnServerErrorsThenSucceeds() throws IOException {
        server.enqueue(status(500));
        server.enqueue(status(502));
        server.enqueue(status(503));
        server.enqueue(ok());

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void jitterShortensTheWaitByUpToAQuarter() throws IOException {
        // nextDouble() of a generator whose nextLong() is all ones is just below 1: the full quarter off.
        OkHttpClient jittery = new OkHttpClient.Builder().addInterceptor(new RetryInterceptor(2, sleeper,
                Clock.systemUTC(), () -> -1L)).build();
        server.enqueue(status(500));
        server.enqueue(ok());

        post(jittery).close();

        assertThat(sleeper.waits()).singleElement()
                .satisfies(wait -> assertThat(wait.toMillis()).isBetween(375L, 376L));
    }

    @Test
    void givesUpAfterTheLastAttemptWithTheLastResponse() throws IOException {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("attempt " + i).build());
        }

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(503);
            assertThat(response.body().string()).isEqualTo("attempt 3");
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void doesNotRetryAClientError() throws IOException {
        server.enqueue(status(400));

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(400);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retriesTimeoutAndConflictStatuses() throws IOException {
        server.enqueue(status(408));
        server.enqueue(status(409));
        server.enqueue(ok());

        post(client).close();

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void returnsAtOnceWhenTheServerAsksForAWaitLongerThanAMinute() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(429);
        }
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void doesNotRetryExhaustedQuota() throws IOException {
        server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":{\"message\":\"You exceeded your "
                + "current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}").build());

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(429);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void obeysXShouldRetryFalse() throws IOException {
        server.enqueue(new MockResponse.Builder().code(500).setHeader("x-should-retry", "false").build());

        try (Response response = post(client)) {
            assertThat(response.code()).isEqualTo(500);
        }
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void retriesAFailedConnectionThenSucceeds() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        OkHttpClient flaky = client.newBuilder().addInterceptor(chain -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ConnectException("Failed to connect to localhost/127.0.0.1:1");
            }
            return chain.proceed(chain.request());
        }).build();
        server.enqueue(ok());

        try (Response response = post(flaky)) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(attempts).hasValue(2);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void givesUpOnConnectionFailuresWithTheLastError() {
        AtomicInteger attempts = new AtomicInteger();
        OkHttpClient down = client.newBuilder().addInterceptor(chain -> {
            throw new ConnectException("refused " + attempts.incrementAndGet());
        }).build();

        assertThatThrownBy(() -> post(down)).isInstanceOf(ConnectException.class).hasMessage("refused 4");
        assertThat(sleeper.waits()).hasSize(3);
    }

    @Test
    void doesNotRetryAnErrorAfterTheRequestWasSent() {
        AtomicInteger attempts = new AtomicInteger();
        OkHttpClient broken = client.newBuilder().addInterceptor(chain -> {
            attempts.incrementAndGet();
            throw new IOException("unexpected end of stream");
        }).build();

        assertThatThrownBy(() -> post(broken)).isInstanceOf(IOException.class);
        assertThat(attempts).hasValue(1);
    }
}
