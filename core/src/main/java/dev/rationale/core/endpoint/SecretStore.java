// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import java.util.Optional;

/** Somewhere keys are kept outside our files: the OS keychain, or (read-only) the environment. */
public interface SecretStore {

    /** The secret stored under {@code entry}, if any. */
    Optional<String> read(String entry);

    /**
     * Stores {@code secret} under {@code entry}.
     *
     * @throws dev.rationale.core.RationaleException when this store cannot keep secrets
     */
    void write(String entry, String secret);

    /** Whether {@link #write} can work here. */
    boolean writable();
}
