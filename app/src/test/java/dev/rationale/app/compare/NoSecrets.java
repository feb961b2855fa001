// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compare;

import dev.rationale.core.endpoint.SecretStore;
import java.util.Optional;

/** A keychain with nothing in it, for endpoints that need no key; tests never touch the OS keychain. */
public final class NoSecrets implements SecretStore {

    @Override
    public Optional<String> read(String entry) {
        return Optional.empty();
    }

    @Override
    public void write(String entry, String secret) {
        throw new UnsupportedOperationException("no keychain in tests");
    }

    @Override
    public boolean writable() {
        return false;
    }
}
