// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.RationaleException;

/** The history database could not be opened, migrated, read or written; the message names the file. */
public class HistoryException extends RationaleException {
    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
