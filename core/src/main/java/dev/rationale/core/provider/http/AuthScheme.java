// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.http;

/** How a backend wants its key: the headers {@link AuthInterceptor} adds. */
public enum AuthScheme {
    /** {@code Authorization: Bearer <key>}: OpenAI and compatible servers, llama.cpp, vLLM, Ollama behind a proxy. */
    BEARER,
    /** {@code x-api-key: <key>} plus {@code anthropic-version}, which Anthropic requires even on failing calls. */
    ANTHROPIC,
    /** {@code x-goog-api-key: <key>}: Gemini. Preferred to {@code ?key=} because headers are not logged. */
    GOOGLE
}
