// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import dev.rationale.core.provider.ProviderKind;

/**
 * A model server found running on this machine.
 *
 * @param kind {@link ProviderKind#OLLAMA} or {@link ProviderKind#LLAMACPP}
 * @param baseUrl the URL an endpoint for it would use, without a trailing slash
 * @param description one line for the user, e.g. "Ollama 0.12.11" or "llama.cpp server, model qwen2.5.gguf"
 */
public record DetectedServer(ProviderKind kind, String baseUrl, String description) {
}
