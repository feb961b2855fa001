// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Finds an endpoint's key when a request needs it: first the keychain entry, then the environment variable.
 * Keys are looked up at each use, never cached in a field that could end up in a dump or a log.
 */
public final class KeyResolver {
    private final SecretStore keychain;
    private final UnaryOperator<@Nullable String> environment;

    /**
     * @param environment reads an environment variable ({@code System::getenv} in the app, a map in tests)
     */
    public KeyResolver(SecretStore keychain, UnaryOperator<@Nullable String> environment) {
        this.keychain = keychain;
        this.environment = environment;
    }

    /** The real keychain, looked for when a key is first read from it, and the environment. */
    public static KeyResolver system() {
        return new KeyResolver(KeychainSecrets.onDemand(), System::getenv);
    }

    /** The key the reference points to, if it is set. */
    public Optional<String> find(KeyReference reference) {
        if (reference.keychain() != null) {
            Optional<String> stored = keychain.read(reference.keychain());
            if (stored.isPresent()) {
                return stored;
            }
        }
        if (reference.env() != null) {
            return Optional.ofNullable(environment.apply(reference.env())).map(String::strip).filter(s -> !s.isEmpty());
        }
        return Optional.empty();
    }
}
