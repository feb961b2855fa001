// SPDX-License-Identifier: Apache-2.0
/**
 * Google's Gemini API ({@code generateContent}), the protocol half only: the path and body of
 * {@code POST models/{model}:streamGenerateContent?alt=sse}, the mapping from its SSE chunks to
 * {@link dev.rationale.core.provider.CompletionEvent}s, its error bodies, and the model list of
 * {@code GET models}. Nothing here does I/O; a provider class wires these to HTTP with the
 * {@code x-goog-api-key} header. Paths are relative to a base URL that ends in the API version
 * ({@code …/v1beta}). The stream has no terminator: it ends at EOF, once every candidate has a finish reason.
 */
@NullMarked
package dev.rationale.core.provider.gemini;

import org.jspecify.annotations.NullMarked;
