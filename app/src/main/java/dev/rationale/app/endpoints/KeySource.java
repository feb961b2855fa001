// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

/** Where the form says an endpoint's key comes from. */
public enum KeySource {
    /** No key of its own: local servers, or the vendor's usual environment variable (see the form's hint). */
    NONE("No key"),
    /** An environment variable, read at each request. */
    ENVIRONMENT("Environment variable"),
    /** An entry in the OS keychain; the endpoints file records only the entry's name. */
    KEYCHAIN("Stored in the keychain");

    private final String label;

    KeySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
