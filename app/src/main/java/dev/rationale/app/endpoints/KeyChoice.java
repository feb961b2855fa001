// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyReference;
import dev.rationale.core.provider.ProviderKind;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where the endpoint form says a key comes from, with the rules on it: what is wrong, one line on where the key will
 * come from, and the reference the endpoints file records (never the key).
 *
 * @param envVariable the environment variable's name as typed, stripped
 * @param typedKey the key typed to go to the keychain; null when none was
 * @param storedEntry the keychain entry the saved endpoint already names; null when none
 * @param entryName the keychain entry a typed key goes to
 * @param baseUrl the base URL as typed, stripped
 */
record KeyChoice(ProviderKind kind, KeySource source, String envVariable, @Nullable String typedKey,
        @Nullable String storedEntry, String entryName, String baseUrl, boolean keychainWritable) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Whether this kind takes a key at all; the embedded engine does not, nor a pool (its members do). */
    static boolean applies(ProviderKind kind) {
        return kind != ProviderKind.EMBEDDED && kind != ProviderKind.POOL;
    }

    /** The inline error; empty when the choice is fine. */
    String error() {
        if (!applies(kind)) {
            return "";
        }
        return switch (source) {
            case NONE -> "";
            case ENVIRONMENT -> envVariable.isEmpty() ? "Name the environment variable that holds the key."
                    : VARIABLE.matcher(envVariable).matches() ? ""
                    : "A variable name has only letters, digits and _, and does not start with a digit.";
            case KEYCHAIN -> !keychainWritable
                    ? "There is no OS keychain on this machine; use an environment variable instead."
                    : typedKey == null && storedEntry == null ? "Type the key to store it in the keychain."
                    : "";
        };
    }

    /** One line on where the key will come from; empty when the kind takes none. */
    String hint() {
        if (!applies(kind)) {
            return "";
        }
        return switch (source) {
            case NONE -> {
                KeyReference usual = new Endpoint("probe", kind, baseUrl.isEmpty() ? null : baseUrl, null, null)
                        .effectiveKey();
                yield usual.env() == null ? "No key is sent."
                        : "Uses the " + usual.describe() + " when it is set.";
            }
            case ENVIRONMENT -> "Read at each request; the endpoints file records only the variable's name.";
            case KEYCHAIN -> !keychainWritable ? ""
                    : typedKey != null ? "Goes to the OS keychain as “" + entryName
                            + "”; the endpoints file records only that name."
                    : storedEntry != null ? "A key is stored in the keychain (“" + storedEntry
                            + "”); type a new one to replace it."
                    : "The key goes to the OS keychain, never into a file.";
        };
    }

    /** What the endpoints file records: the variable's or the keychain entry's name; null for no key. */
    @Nullable KeyReference reference() {
        if (!applies(kind)) {
            return null;
        }
        return switch (source) {
            case NONE -> null;
            case ENVIRONMENT -> KeyReference.environment(envVariable);
            case KEYCHAIN -> typedKey != null ? KeyReference.keychainEntry(entryName)
                    : storedEntry != null ? KeyReference.keychainEntry(storedEntry) : null;
        };
    }

    /** The variable a provider's key is usually in; empty for kinds that usually need none. */
    static String suggestedVariable(ProviderKind kind) {
        return switch (kind) {
            case OPENAI, OPENAI_TEXT -> "OPENAI_API_KEY";
            case ANTHROPIC -> "ANTHROPIC_API_KEY";
            case GEMINI -> "GEMINI_API_KEY";
            case OLLAMA, LLAMACPP, EMBEDDED, POOL -> "";
        };
    }
}
