// SPDX-License-Identifier: Apache-2.0
/**
 * The embedded engine: llama.cpp inside this process, on a GGUF file, with exact token probabilities.
 *
 * <p>{@link dev.rationale.core.provider.embedded.EmbeddedProvider} is the entry point: a
 * {@link dev.rationale.core.provider.CompletionProvider} that also branches a completion at any token
 * ({@link dev.rationale.core.provider.Branch}) and scores candidate continuations
 * ({@link dev.rationale.core.provider.ContinuationScore}). Below it,
 * {@link dev.rationale.core.provider.embedded.LlamaModel} and
 * {@link dev.rationale.core.provider.embedded.LlamaSession} wrap one loaded model and one context; sampling and
 * every probability are computed in Java from the raw logits.
 *
 * <p>The native code is the llama.cpp C API (release v0.4.0) of the libraries the build fetches from the
 * {@code @node-llama-cpp/<platform>} npm package, called through the Foreign Function &amp; Memory API.
 * {@link dev.rationale.core.provider.embedded.LlamaLibrary} extracts and loads them once per JVM and checks that its
 * struct layouts still match; the JVM needs {@code --enable-native-access=ALL-UNNAMED}. Every input that would
 * make llama.cpp abort the process (a token id outside the vocabulary, a batch larger than the context's, a full
 * context) is refused in Java first; so is a model file whose header could
 * ({@link dev.rationale.core.provider.embedded.gguf.GgufCheck}).
 */
@NullMarked
package dev.rationale.core.provider.embedded;

import org.jspecify.annotations.NullMarked;
