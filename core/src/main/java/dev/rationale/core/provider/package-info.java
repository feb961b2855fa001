// SPDX-License-Identifier: Apache-2.0
/**
 * One way to talk to every model: a {@link dev.rationale.core.provider.CompletionProvider} takes a
 * {@link dev.rationale.core.provider.CompletionRequest} and streams
 * {@link dev.rationale.core.provider.CompletionEvent}s (answer and reasoning text, scored tokens, usage, the end)
 * to a {@link dev.rationale.core.provider.CompletionListener}. Each backend lives in a package of its own below
 * this one and keeps its wire records private; {@link dev.rationale.core.provider.Capabilities} says what it
 * can do, and a request for more fails up front ({@link dev.rationale.core.provider.RequestCheck}).
 */
@NullMarked
package dev.rationale.core.provider;

import org.jspecify.annotations.NullMarked;
