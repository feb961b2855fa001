// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

/** A completion read back from the history, with the id the store gave it. */
public record StoredCompletion(long id, CompletionRecord record) {
}
