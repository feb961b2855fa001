// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.RationaleException;
import dev.rationale.core.endpoint.SecretStore;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The keychain as it will be once the form is saved: one entry answers with the key typed into the form, every
 * other entry comes from the real keychain. Lets "Test" use a key before it is stored; lives only as long as the
 * test and writes nothing.
 */
final class OverlaySecretStore implements SecretStore {

    private final SecretStore keychain;
    private final @Nullable String entry;
    private final @Nullable String typedKey;

    /** @param entry the entry the typed key will be stored under; null (with a null key) for no overlay */
    OverlaySecretStore(SecretStore keychain, @Nullable String entry, @Nullable String typedKey) {
        this.keychain = keychain;
        this.entry = entry;
        this.typedKey = typedKey;
    }

    @Override
    public Optional<String> read(String wanted) {
        if (typedKey != null && wanted.equals(entry)) {
            return Optional.of(typedKey);
        }
        return keychain.read(wanted);
    }

    @Override
    public void write(String wanted, String secret) {
        throw new RationaleException("a test never stores keys");
    }

    @Override
    public boolean writable() {
        return false;
    }
}
