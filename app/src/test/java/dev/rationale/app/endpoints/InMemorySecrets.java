// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.SecretStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain in memory, writable or not, so tests never touch the OS keychain. */
public final class InMemorySecrets implements SecretStore {

    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final boolean writable;

    public InMemorySecrets(boolean writable) {
        this.writable = writable;
    }

    @Override
    public Optional<String> read(String entry) {
        return Optional.ofNullable(entries.get(entry));
    }

    @Override
    public void write(String entry, String secret) {
        if (!writable) {
            throw new RationaleException("there is no OS keychain on this machine");
        }
        entries.put(entry, secret);
    }

    @Override
    public boolean writable() {
        return writable;
    }

    Map<String, String> entries() {
        return Map.copyOf(entries);
    }
}
