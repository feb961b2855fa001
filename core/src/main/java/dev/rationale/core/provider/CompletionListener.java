// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

/**
 * Receives a completion's events, in order, on a provider thread (never the caller's). An exception thrown here
 * ends the stream as failed; it is not swallowed.
 */
@FunctionalInterface
public interface CompletionListener {
    void onEvent(CompletionEvent event);
}
