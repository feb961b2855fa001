// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import dev.rationale.app.endpoints.InMemorySecrets;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.provider.http.HttpClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import okhttp3.OkHttpClient;

/** App contexts for tests: settings in a temporary folder, keys in memory, no environment. */
public final class TestContexts {

    private TestContexts() {
    }

    /** A context whose config lives in {@code dir/config} and whose embedded engine looks in {@code models}. */
    public static AppContext in(Path dir, Path models) {
        OkHttpClient http = HttpClients.create();
        SecretStore keychain = new InMemorySecrets(true);
        KeyResolver keys = new KeyResolver(keychain, name -> null);
        EndpointStore endpoints = new EndpointStore(dir.resolve("config/endpoints.json"));
        return new AppContext(http, endpoints, keychain, keys,
                new ProviderCache(new ProviderFactory(http, keys, endpoints::load)),
                Executors.newVirtualThreadPerTaskExecutor(),
                Platform::runLater, Clock.systemUTC(), dir.resolve("config"), models);
    }

    /** The shared tiny models the build points the tests at. */
    public static Path sharedModels() {
        return Path.of(System.getProperty(AppContext.MODELS_PROPERTY, "../../shared/models"));
    }
}
