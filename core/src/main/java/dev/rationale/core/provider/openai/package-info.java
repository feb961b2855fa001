// SPDX-License-Identifier: Apache-2.0
/**
 * OpenAI's two completion protocols, which most local and hosted servers also speak (vLLM, llama.cpp
 * {@code /v1}, LM Studio, OpenRouter, Ollama {@code /v1}):
 * {@link dev.rationale.core.provider.openai.OpenAiChatProvider} for {@code POST /chat/completions} and
 * {@link dev.rationale.core.provider.openai.OpenAiTextProvider} for the legacy raw-text {@code POST /completions},
 * both streamed as SSE ending in {@code data: [DONE]}. Wire records are package-private, map only the fields used,
 * and ignore the rest, since every server adds its own.
 */
@NullMarked
package dev.rationale.core.provider.openai;

import org.jspecify.annotations.NullMarked;
