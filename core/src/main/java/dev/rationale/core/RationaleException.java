// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core;

/**
 * Root of the unchecked exceptions core throws. Messages are short, plain and meant for the user:
 * they name the thing that went wrong and never carry a secret.
 */
public class RationaleException extends RuntimeException {
    public RationaleException(String message) {
        super(message);
    }

    public RationaleException(String message, Throwable cause) {
        super(message, cause);
    }
}
