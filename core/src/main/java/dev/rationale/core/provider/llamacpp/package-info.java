// SPDX-License-Identifier: Apache-2.0
/**
 * llama.cpp server's native {@code POST /completion}, the protocol half only: the request body, the mapping from
 * its Server-Sent Events to {@link dev.rationale.core.provider.CompletionEvent}s, and the model list of
 * {@code GET /v1/models}. Nothing here does I/O; a provider class wires these to HTTP. The endpoint continues one
 * raw prompt string, so chat prompts belong to the server's OpenAI-compatible routes instead.
 */
@NullMarked
package dev.rationale.core.provider.llamacpp;

import org.jspecify.annotations.NullMarked;
