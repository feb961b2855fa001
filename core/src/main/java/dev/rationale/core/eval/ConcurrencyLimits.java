// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * How many requests an evaluation keeps in flight per endpoint. A local server (the embedded engine, or a base URL
 * on {@code localhost}, {@code 127.0.0.1} or {@code ::1}) shares one machine's memory and compute: it gets
 * {@value #LOCAL_DEFAULT} at a time, and its models are run one after another (a server like Ollama would
 * otherwise swap models in and out on every request). A remote API gets {@value #REMOTE_DEFAULT}, all models
 * interleaved. An explicit limit replaces either default. A pool's limit is the sum of its members' (see
 * {@link dev.rationale.core.provider.pool.PoolProvider}), so the evaluation sees it as one endpoint that large.
 */
public final class ConcurrencyLimits {
    public static final int LOCAL_DEFAULT = 4;
    public static final int REMOTE_DEFAULT = 8;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private ConcurrencyLimits() {
    }

    /** Whether the endpoint runs on this machine. */
    public static boolean isLocal(Endpoint endpoint) {
        if (endpoint.kind() == ProviderKind.EMBEDDED) {
            return true;
        }
        HttpUrl url = HttpUrl.parse(endpoint.effectiveBaseUrl());
        return url != null && LOOPBACK.contains(url.host().toLowerCase(Locale.ROOT));
    }

    /**
     * The limit for {@code endpoint} served by {@code provider}: for a pool, its members' summed concurrency, which an
     * explicit limit can only lower (the members' own limits are what each server takes).
     *
     * @throws IllegalArgumentException when {@code explicit} is below 1
     */
    public static int limitFor(CompletionProvider provider, Endpoint endpoint, @Nullable Integer explicit) {
        int usual = limitFor(endpoint, explicit);
        return provider.pool().map(pool -> explicit == null ? pool.capacity() : Math.min(usual, pool.capacity()))
                .orElse(usual);
    }

    /**
     * The limit for {@code endpoint}.
     *
     * @param explicit the user's limit, or null for the default
     * @throws IllegalArgumentException when {@code explicit} is below 1
     */
    public static int limitFor(Endpoint endpoint, @Nullable Integer explicit) {
        if (explicit != null) {
            if (explicit < 1) {
                throw new IllegalArgumentException("concurrency must be 1 or more, got " + explicit);
            }
            return explicit;
        }
        return isLocal(endpoint) ? LOCAL_DEFAULT : REMOTE_DEFAULT;
    }
}
