// SPDX-License-Identifier: Apache-2.0
/**
 * Ollama's native API, the protocol half only: request bodies for {@code POST /api/chat} and
 * {@code POST /api/generate}, the mapping from its NDJSON stream lines to
 * {@link dev.rationale.core.provider.CompletionEvent}s, and the model list of {@code GET /api/tags}. Nothing here
 * does I/O; a provider class wires these to HTTP. Chat prompts go to {@code /api/chat}, raw text prompts to
 * {@code /api/generate} with {@code "raw": true}, so the rendered prompt reaches the model byte for byte.
 */
@NullMarked
package dev.rationale.core.provider.ollama;

import org.jspecify.annotations.NullMarked;
