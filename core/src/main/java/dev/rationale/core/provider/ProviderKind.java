// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The wire protocols Rationale speaks, by the names the CLI and the endpoints file use. */
public enum ProviderKind {
    /** OpenAI-compatible chat completions: OpenAI, vLLM, LM Studio, llama.cpp /v1, OpenRouter, Ollama /v1. */
    @JsonProperty("openai") OPENAI("openai", "https://api.openai.com/v1"),
    /** The raw-text completions endpoint of the same servers ({@code /v1/completions}). */
    @JsonProperty("openai-text") OPENAI_TEXT("openai-text", "https://api.openai.com/v1"),
    /** Ollama's native API ({@code /api/chat}, {@code /api/generate}). */
    @JsonProperty("ollama") OLLAMA("ollama", "http://localhost:11434"),
    /** llama.cpp server's native {@code /completion}. */
    @JsonProperty("llamacpp") LLAMACPP("llamacpp", "http://localhost:8080"),
    /** Anthropic Messages. */
    @JsonProperty("anthropic") ANTHROPIC("anthropic", "https://api.anthropic.com"),
    /** Google Gemini generateContent. */
    @JsonProperty("gemini") GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta"),
    /** llama.cpp inside this process, on a GGUF file. */
    @JsonProperty("embedded") EMBEDDED("embedded", ""),
    /** Several servers of one model behind one name; each request goes to the least busy of them. */
    @JsonProperty("pool") POOL("pool", "");

    private final String id;
    private final String defaultBaseUrl;

    ProviderKind(String id, String defaultBaseUrl) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
    }

    /** The name in files and on the command line, e.g. {@code openai-text}. */
    public String id() {
        return id;
    }

    /** Where the backend usually listens; empty for the embedded engine and for a pool. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public static Optional<ProviderKind> parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }
}
