// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app;

import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.KeychainSecrets;
import dev.rationale.core.endpoint.ProviderCache;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.provider.http.HttpClients;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The composition root: creates the application's services once and hands them to the view models. Owns the one
 * HTTP client, the background executor for blocking work (file I/O, model lists, downloads) and the providers;
 * {@link #close} shuts them down. Core services know nothing of JavaFX; the FX executor is passed separately.
 *
 * @param configDirectory where settings, recovery files and the recent-files list live
 * @param modelsDirectory where the embedded engine looks for GGUF files and downloads put them
 */
public record AppContext(
        OkHttpClient http,
        EndpointStore endpoints,
        SecretStore keychain,
        KeyResolver keys,
        ProviderCache providers,
        ExecutorService background,
        Path configDirectory,
        Path modelsDirectory) implements AutoCloseable {

    /** System property naming the embedded engine's models folder, e.g. {@code -Drationale.models.dir=…}. */
    public static final String MODELS_PROPERTY = "rationale.models.dir";

    /** The context of the running application, with the user's settings and the system keychain. */
    public static AppContext create() {
        OkHttpClient http = HttpClients.create();
        Path config = EndpointStore.userConfigDirectory();
        SecretStore keychain = KeychainSecrets.open();
        KeyResolver keys = new KeyResolver(keychain, System::getenv);
        String models = System.getProperty(MODELS_PROPERTY);
        Path modelsDirectory = models != null && !models.isBlank() ? Path.of(models) : config.resolve("models");
        return new AppContext(http, EndpointStore.user(), keychain, keys,
                new ProviderCache(new ProviderFactory(http, keys)), Executors.newVirtualThreadPerTaskExecutor(),
                config, modelsDirectory);
    }

    /** Stops background work and frees providers and connections. */
    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        providers.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
