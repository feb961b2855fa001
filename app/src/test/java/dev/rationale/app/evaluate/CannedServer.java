// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.compare.CannedCompletions;
import dev.rationale.app.compare.NoSecrets;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An OpenAI-compatible MockWebServer for Evaluate tests over the arithmetic sample, with the providers that reach
 * it: {@link CannedCompletions} answers, {@link #modelList} for the model list, a 400 (not retried) for a request
 * that holds any {@link #refused} text, and a count of the completions asked for.
 */
final class CannedServer extends Dispatcher implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final ProviderCache providers = new ProviderCache(new ProviderFactory(HttpClients.create(),
            new KeyResolver(new NoSecrets(), name -> null)));
    final CannedCompletions canned = new CannedCompletions();
    final AtomicInteger completions = new AtomicInteger();
    volatile String modelList = "{\"data\":[]}";
    volatile Set<String> refused = Set.of();

    static CannedServer started() throws IOException {
        CannedServer canned = new CannedServer();
        canned.server.setDispatcher(canned);
        canned.server.start();
        return canned;
    }

    /** An endpoint of {@code kind} on this server. */
    Endpoint endpoint(String name, ProviderKind kind) {
        return new Endpoint(name, kind, server.url("/v1").toString(), null, null);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/v1/models")) {
            return new MockResponse.Builder().body(modelList).build();
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (refused.stream().anyMatch(body::contains)) {
            return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"refused\"}}").build();
        }
        completions.incrementAndGet();
        return canned.dispatch(request);
    }

    @Override
    public void close() {
        providers.close();
        server.close();
    }
}
