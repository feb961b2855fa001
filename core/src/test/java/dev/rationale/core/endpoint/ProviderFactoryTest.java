// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ProviderFactoryTest {
    private static final String KEY = "test-key-not-real";

    private final MockWebServer server = new MockWebServer();
    private final SecretStore noKeychain = new SecretStore() {
        @Override
        public Optional<String> read(String entry) {
            return Optional.empty();
        }

        @Override
        public void write(String entry, String secret) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean writable() {
            return false;
        }
    };
    private final ProviderFactory factory = new ProviderFactory(TestHttp.client(new TestHttp.FakeSleeper()),
            new KeyResolver(noKeychain, Map.of("MY_KEY", KEY)::get));

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = {"EMBEDDED", "POOL"}, mode = EnumSource.Mode.EXCLUDE)
    void createsAProviderOfEveryHttpKind(ProviderKind kind) {
        CompletionProvider provider = factory.create(new Endpoint("e", kind, server.url("/").toString(), null, null));

        assertThat(provider.kind()).isEqualTo(kind);
    }

    /** Each kind's key goes in the header its API expects, and the request reaches that API's model list. */
    @ParameterizedTest
    @CsvSource({
        "openai, /v1/models, Authorization, Bearer test-key-not-real",
        "ollama, /api/tags, Authorization, Bearer test-key-not-real",
        "llamacpp, /v1/models, Authorization, Bearer test-key-not-real",
        "anthropic, /v1/models, x-api-key, test-key-not-real",
        "gemini, /v1beta/models, x-goog-api-key, test-key-not-real",
    })
    void sendsTheEndpointsKeyInItsKindsHeader(String kindName, String path, String header, String value)
            throws Exception {
        ProviderKind kind = ProviderKind.parse(kindName).orElseThrow();
        String base = switch (kind) {
            case OPENAI -> server.url("/v1").toString();
            case GEMINI -> server.url("/v1beta").toString();
            default -> server.url("/").toString();
        };
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"no\"}").build());
        CompletionProvider provider = factory.create(new Endpoint("e", kind, base, null,
                KeyReference.environment("MY_KEY")));

        assertThatThrownBy(provider::listModels).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(KEY);
        });

        RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent.getUrl().encodedPath()).isEqualTo(path);
        assertThat(sent.getHeaders().get(header)).isEqualTo(value);
        Set<String> keyHeaders = Set.of("authorization", "x-api-key", "x-goog-api-key");
        assertThat(sent.getHeaders().names().stream().map(String::toLowerCase).filter(keyHeaders::contains))
                .containsExactly(header.toLowerCase());
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = {"OLLAMA", "LLAMACPP"})
    void sendsNoKeyToLocalServersWithoutOne(ProviderKind kind) throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"models\":[],\"data\":[]}").build());

        factory.create(new Endpoint("local", kind, server.url("/").toString(), null, null)).listModels();

        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
    }
}
