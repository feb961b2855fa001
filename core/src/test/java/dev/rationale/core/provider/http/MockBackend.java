// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import java.util.Objects;
import java.util.function.BiFunction;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A backend for one test: a {@link MockWebServer} started before it and closed after it, and a provider at the
 * server's {@code path} on a {@link TestHttp} client (instant retries). Register it as an instance field:
 * {@code @RegisterExtension final MockBackend<OllamaProvider> backend = MockBackend.at("/", OllamaProvider::new);}
 */
public final class MockBackend<P> implements BeforeEachCallback, AfterEachCallback {
    private final MockWebServer server = new MockWebServer();
    private final String path;
    private final BiFunction<OkHttpClient, String, P> provider;
    private @Nullable P started;

    private MockBackend(String path, BiFunction<OkHttpClient, String, P> provider) {
        this.path = path;
        this.provider = provider;
    }

    /** A backend whose provider is made from a client and the base URL of the server's {@code path}. */
    public static <P> MockBackend<P> at(String path, BiFunction<OkHttpClient, String, P> provider) {
        return new MockBackend<>(path, provider);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server.start();
        started = provider.apply(TestHttp.client(new TestHttp.FakeSleeper()), server.url(path).toString());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    public MockWebServer server() {
        return server;
    }

    /** The provider at the server; made once the server has started, before each test. */
    public P provider() {
        return Objects.requireNonNull(started, "the server starts before each test");
    }
}
