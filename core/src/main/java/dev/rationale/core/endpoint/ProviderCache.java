// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.PoolHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One provider per endpoint for the life of the application, so the embedded engine loads a model once and every
 * run on an endpoint shares its connection pool. An edited endpoint (or pool member) is a different key and gets a
 * new provider; the old one stays until {@link #close}. Thread-safe.
 */
public final class ProviderCache implements AutoCloseable {

    private final ProviderFactory factory;
    // Keyed by ProviderFactory#identity: the endpoint, or a pool with its members as they are.
    private final Map<Object, CompletionProvider> providers = new ConcurrentHashMap<>();

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
        return providers.computeIfAbsent(factory.identity(endpoint), key -> factory.create(endpoint));
    }

    /**
     * The health of the pool called {@code name} if a provider for it was made (it is in use this session), without
     * making one or reading anything: safe on a UI thread.
     */
    public Optional<PoolHealth> livePool(String name) {
        return providers.values().stream().flatMap(p -> p.pool().stream()).filter(p -> p.name().equals(name))
                .findFirst();
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
