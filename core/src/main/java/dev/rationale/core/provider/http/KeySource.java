// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

import org.jspecify.annotations.Nullable;

/**
 * Where an endpoint's key comes from, asked again at every request so that a key changed in the keychain takes
 * effect at once and no key sits in a long-lived field. Called on an OkHttp thread; must not block for long.
 */
@FunctionalInterface
public interface KeySource {

    /** A source for servers that need no key. */
    KeySource NONE = () -> null;

    /** The key, or null when none is set (the request then goes out without one and the server decides). */
    @Nullable String key();
}
