// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.endpoints;

import dev.rationale.core.provider.ProviderKind;

/** The names users read for the provider kinds, which the files and the CLI call by their short ids. */
public final class KindLabels {

    private KindLabels() {
    }

    public static String of(ProviderKind kind) {
        return switch (kind) {
            case OPENAI -> "OpenAI-compatible chat (OpenAI, vLLM, LM Studio, …)";
            case OPENAI_TEXT -> "OpenAI-compatible text completions";
            case OLLAMA -> "Ollama";
            case LLAMACPP -> "llama.cpp server";
            case ANTHROPIC -> "Anthropic";
            case GEMINI -> "Google Gemini";
            case EMBEDDED -> "Embedded engine (llama.cpp in process)";
            case POOL -> "Pool of servers of one model";
        };
    }
}
