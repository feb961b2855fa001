// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProvider;
import okhttp3.OkHttpClient;

/**
 * Ollama's native API: chat prompts to {@code /api/chat}, raw text prompts to {@code /api/generate} in raw mode,
 * both streamed as NDJSON. The server keeps a thinking model's reasoning apart on {@code /api/chat}; in raw mode
 * it does not, so {@code <think>} blocks are split out here. Token texts are rebuilt from their bytes. No key: a
 * local server takes none, and one behind an authenticating proxy gets its header from the endpoint's client.
 * Thread-safe.
 */
public final class OllamaProvider extends HttpProvider {

    static final String NAME = "Ollama";

    /**
     * @param baseUrl the server's root, e.g. {@code http://localhost:11434}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OllamaProvider(OkHttpClient client, String baseUrl) {
        super(ProviderKind.OLLAMA, new OllamaProtocol(new HttpEndpoint(client, BaseUrl.of(baseUrl), NAME)));
    }
}
