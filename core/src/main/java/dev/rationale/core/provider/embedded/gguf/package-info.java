// SPDX-License-Identifier: Apache-2.0
/**
 * Checking a GGUF model file in Java before llama.cpp reads it.
 *
 * <p>llama.cpp trusts much of a model file: some crafted values (an unknown rope scaling type, a block count above
 * its limit, a NaN epsilon, two equal tokens) reach a {@code GGML_ASSERT}, which aborts the whole process.
 * {@link dev.rationale.core.provider.embedded.gguf.GgufCheck} reads the header, every metadata key and value and
 * every tensor info, streaming and with memory bounded by what the file really holds, and refuses a bad file with a
 * {@link dev.rationale.core.provider.embedded.gguf.GgufFormatException} naming where the fault is. What it cannot
 * check is listed in {@code docs/embedded-engine.md}.
 */
@NullMarked
package dev.rationale.core.provider.embedded.gguf;

import org.jspecify.annotations.NullMarked;
