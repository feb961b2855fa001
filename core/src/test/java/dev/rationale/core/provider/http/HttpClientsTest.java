// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.ProviderException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    private static final String KEY = "fixture-credential-do-not-log-4f2a";

    private final MockWebServer server = new MockWebServer();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private OkHttpClient shared(HttpLoggingInterceptor.Level level) {
        return HttpClients.create(TestHttp.retry(new TestHttp.FakeSleeper()), level, log::add);
    }

    private String get(OkHttpClient client, String pathAndQuery) {
        Request request = new Request.Builder().url(server.url(pathAndQuery)).build();
        return BlockingCall.execute(client, request, "Test", body -> body.readUtf8());
    }

    @Test
    void sharedClientWaitsLongForReasoningModelsAndNeverTimesOutAWholeCall() {
        OkHttpClient client = HttpClients.create();

        assertThat(client.readTimeoutMillis()).isEqualTo(600_000);
        assertThat(client.connectTimeoutMillis()).isEqualTo(10_000);
        assertThat(client.callTimeoutMillis()).isZero();
        assertThat(client.interceptors()).first().isInstanceOf(RetryInterceptor.class);
    }

    @Test
    void aClientForAPlainHttpServerSetsNoTlsUp() {
        OkHttpClient plain = HttpClients.createFor("http://127.0.0.1:8080/v1");
        OkHttpClient secure = HttpClients.createFor("https://example.invalid/v1");

        assertThat(plain.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(plain.x509TrustManager()).isNull();
        assertThat(secure.connectionSpecs()).contains(ConnectionSpec.MODERN_TLS);
        assertThat(secure.x509TrustManager()).isNotNull();
    }

    @Test
    void theWireLoggerIsInTheChainOnlyWhenItLogs() {
        RetryInterceptor retry = RetryInterceptor.withDefaults();

        OkHttpClient logging = HttpClients.create(retry, HttpLoggingInterceptor.Level.BASIC, line -> { });
        OkHttpClient silent = HttpClients.create(retry, HttpLoggingInterceptor.Level.NONE, line -> { });

        assertThat(logging.interceptors()).hasSize(2).last().isInstanceOf(HttpLoggingInterceptor.class);
        assertThat(silent.interceptors()).containsExactly(retry);
    }

    @Test
    void endpointClientSharesThePoolsOfTheSharedClient() {
        OkHttpClient shared = HttpClients.create();

        OkHttpClient endpoint = HttpClients.forEndpoint(shared, AuthScheme.BEARER, () -> KEY);

        assertThat(endpoint.connectionPool()).isSameAs(shared.connectionPool());
        assertThat(endpoint.dispatcher()).isSameAs(shared.dispatcher());
        assertThat(endpoint.interceptors().getFirst()).isInstanceOf(AuthInterceptor.class);
        assertThat(shared.interceptors()).noneMatch(AuthInterceptor.class::isInstance);
    }

    @Test
    void bearerSchemeSendsAnAuthorizationHeader() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = HttpClients.forEndpoint(shared(HttpLoggingInterceptor.Level.NONE), AuthScheme.BEARER,
                () -> KEY);

        get(client, "/v1/models");

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void anthropicSchemeSendsTheKeyAndTheApiVersion() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = HttpClients.forEndpoint(shared(HttpLoggingInterceptor.Level.NONE),
                AuthScheme.ANTHROPIC, () -> KEY);

        get(client, "/v1/models");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("x-api-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void missingKeySendsTheRequestWithoutOneAndTheServersRefusalIsAnAuthenticationFailure()
            throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"error\":{\"message\":\"Missing bearer authentication\",\"type\":\"invalid_request_error\"}}")
                .build());
        OkHttpClient client = HttpClients.forEndpoint(shared(HttpLoggingInterceptor.Level.NONE), AuthScheme.BEARER,
                KeySource.NONE);

        assertThatThrownBy(() -> get(client, "/v1/models")).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTHENTICATION));
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void neitherLogsNorErrorMessagesContainTheKey() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(401).body("API key not valid. Please pass a valid API key.")
                .build());
        OkHttpClient client = HttpClients.forEndpoint(shared(HttpLoggingInterceptor.Level.HEADERS),
                AuthScheme.GOOGLE, () -> KEY);

        assertThatThrownBy(() -> get(client, "/v1beta/models?key=" + KEY + "&pageSize=5"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).doesNotContain(KEY).contains("Test", "401");
                });

        assertThat(server.takeRequest().getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(log).isNotEmpty().noneMatch(line -> line.contains(KEY));
        assertThat(log).anyMatch(line -> line.contains("x-goog-api-key: ██"));
        assertThat(log).anyMatch(line -> line.contains("key=██") && line.contains("pageSize=5"));
    }

    @Test
    void bearerKeysAreRedactedFromHeaderLogsToo() {
        server.enqueue(new MockResponse.Builder().body("ok").build());
        OkHttpClient client = HttpClients.forEndpoint(shared(HttpLoggingInterceptor.Level.HEADERS),
                AuthScheme.BEARER, () -> KEY);

        get(client, "/v1/models");

        assertThat(log).anyMatch(line -> line.startsWith("Authorization: ██"))
                .noneMatch(line -> line.contains(KEY));
    }

    @Test
    void redactsKeyQueryParametersInAnyText() {
        assertThat(HttpClients.redact("GET https://h/v1beta/models?key=abc123&x=1 and ?api_key=zz"))
                .isEqualTo("GET https://h/v1beta/models?key=██&x=1 and ?api_key=██");
    }
}
