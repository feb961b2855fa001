// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProvider;
import okhttp3.OkHttpClient;

/**
 * llama.cpp server's native {@code POST /completion}: one raw prompt continued, streamed as SSE that ends at EOF
 * after the {@code "stop": true} event. Token texts are rebuilt from their bytes and {@code <think>} blocks are
 * split out of the text. An API key, when the server was started with {@code --api-key}, goes as a bearer token
 * through the endpoint's client. Thread-safe.
 */
public final class LlamaCppProvider extends HttpProvider {

    static final String NAME = "llama.cpp";

    /**
     * @param baseUrl the server's root, e.g. {@code http://localhost:8080}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public LlamaCppProvider(OkHttpClient client, String baseUrl) {
        super(ProviderKind.LLAMACPP, new LlamaCppProtocol(new HttpEndpoint(client, BaseUrl.of(baseUrl), NAME)));
    }
}
