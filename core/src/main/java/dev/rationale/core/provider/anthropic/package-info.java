// SPDX-License-Identifier: Apache-2.0
/**
 * Anthropic's Messages API, the protocol half only: the request body for {@code POST /v1/messages}, the mapping
 * from its named SSE events to {@link dev.rationale.core.provider.CompletionEvent}s, its error bodies, and the
 * model list of {@code GET /v1/models}. Nothing here does I/O; a provider class wires these to HTTP with the
 * headers {@code x-api-key} and {@code anthropic-version}. The API takes chat messages only and gives no token
 * probabilities, seed or several samples; reasoning arrives as {@code thinking} content blocks.
 */
@NullMarked
package dev.rationale.core.provider.anthropic;

import org.jspecify.annotations.NullMarked;
