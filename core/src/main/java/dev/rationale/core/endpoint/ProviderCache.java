// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.provider.CompletionProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One provider per endpoint for the life of the application, so the embedded engine loads a model once and every
 * run on an endpoint shares its connection pool. An edited endpoint is a different key and gets a new provider;
 * the old one stays until {@link #close}. Thread-safe.
 */
public final class ProviderCache implements AutoCloseable {

    private final ProviderFactory factory;
    private final Map<Endpoint, CompletionProvider> providers = new ConcurrentHashMap<>();

    public ProviderCache(ProviderFactory factory) {
        this.factory = factory;
    }

    /**
     * The provider for {@code endpoint}, created on first use.
     *
     * @throws dev.rationale.core.provider.ProviderException when the endpoint cannot be served (see
     *     {@link ProviderFactory#create})
     */
    public CompletionProvider get(Endpoint endpoint) {
        return providers.computeIfAbsent(endpoint, factory::create);
    }

    /**
     * The batch API behind {@code endpoint} (see {@link ProviderFactory#batchApi}); made anew each time, as it keeps
     * no state.
     *
     * @throws dev.rationale.core.provider.ProviderException UNSUPPORTED for an endpoint without one
     */
    public dev.rationale.core.provider.batch.BatchApi batchApi(Endpoint endpoint) {
        return factory.batchApi(endpoint);
    }

    /** Closes the providers that hold resources (the embedded engine's models and threads). */
    @Override
    public void close() {
        List<CompletionProvider> all = new ArrayList<>(providers.values());
        providers.clear();
        for (CompletionProvider provider : all) {
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.getLogger(ProviderCache.class.getName()).log(System.Logger.Level.WARNING,
                            "closing " + provider.kind().id() + " failed", e);
                }
            }
        }
    }
}
