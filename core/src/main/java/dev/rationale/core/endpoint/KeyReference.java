// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Where an endpoint's key is found: a keychain entry, an environment variable, or both (the keychain is tried
 * first). The key itself is never stored here.
 *
 * @param keychain the entry's name in the OS keychain, under the service "Rationale"
 * @param env the environment variable holding the key
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"keychain", "env"})
public record KeyReference(@Nullable String keychain, @Nullable String env) {
    public static final KeyReference NONE = new KeyReference(null, null);

    public static KeyReference environment(String variable) {
        return new KeyReference(null, variable);
    }

    public static KeyReference keychainEntry(String entry) {
        return new KeyReference(entry, null);
    }

    /** How a message tells the user where the key should be, e.g. {@code the environment variable OPENAI_API_KEY}. */
    public String describe() {
        if (keychain != null && env != null) {
            return "keychain entry \"" + keychain + "\" or environment variable " + env;
        }
        if (keychain != null) {
            return "keychain entry \"" + keychain + "\"";
        }
        return env != null ? "environment variable " + env : "no key";
    }
}
