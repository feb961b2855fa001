// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.rationale.core.RationaleException;
import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * Keys in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux), under the
 * service name "Rationale". A machine without one (a server, a CI box) gives an unavailable store, not an error:
 * keys then come from the environment.
 */
public final class KeychainSecrets implements SecretStore {
    static final String SERVICE = "Rationale";
    private static final System.Logger LOG = System.getLogger(KeychainSecrets.class.getName());

    // Finding the keychain loads a native library and may ask the system for its library paths, tens of
    // milliseconds: open() does it on a thread of its own, onDemand() on the first use, and a use waits for it.
    private final FutureTask<Optional<Keyring>> keyringFound;

    private KeychainSecrets(FutureTask<Optional<Keyring>> keyringFound) {
        this.keyringFound = keyringFound;
    }

    /** The OS keychain, or an unavailable store when there is none; found in the background from now on. */
    public static KeychainSecrets open() {
        FutureTask<Optional<Keyring>> find = new FutureTask<>(KeychainSecrets::find);
        Thread.ofVirtual().name("keychain").start(find);
        return new KeychainSecrets(find);
    }

    /**
     * The OS keychain, found when a key is first read or written: for a command that may never need it (a local
     * server without a key), so that it does not pay for finding it.
     */
    public static KeychainSecrets onDemand() {
        return new KeychainSecrets(new FutureTask<>(KeychainSecrets::find));
    }

    private static Optional<Keyring> find() {
        try {
            return Optional.of(Keyring.create());
        } catch (Exception | LinkageError e) {
            // No backend (no D-Bus session, no Secret Service) is normal on servers; say it once, quietly.
            LOG.log(Level.DEBUG, "no OS keychain here: " + e.getMessage());
            return Optional.empty();
        }
    }

    private @Nullable Keyring keyring() {
        // Finds it on this thread unless another thread has done so or is doing so; then waits for that one.
        keyringFound.run();
        try {
            return keyringFound.get().orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    @Override
    public Optional<String> read(String entry) {
        Keyring keyring = keyring();
        if (keyring == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, entry)).filter(s -> !s.isEmpty());
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.log(Level.DEBUG, "keychain entry \"" + entry + "\" not readable: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void write(String entry, String secret) {
        Keyring keyring = keyring();
        if (keyring == null) {
            throw new RationaleException("there is no OS keychain on this machine; set the key in an environment"
                    + " variable instead");
        }
        try {
            keyring.setPassword(SERVICE, entry, secret);
        } catch (PasswordAccessException | RuntimeException e) {
            // The library's message may echo what it was given; never pass it on.
            throw new RationaleException("could not store keychain entry \"" + entry + "\" ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public boolean writable() {
        return keyring() != null;
    }
}
