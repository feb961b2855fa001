// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProvider;
import okhttp3.OkHttpClient;

/**
 * Anthropic's Messages API, streamed: text and thinking blocks become answer and reasoning; no token
 * probabilities, seed or several samples. The key goes in {@code x-api-key} through the endpoint's client
 * ({@code AuthScheme.ANTHROPIC}); the API version header is set here, so any client works. Thread-safe.
 */
public final class AnthropicProvider extends HttpProvider {

    static final String NAME = "Anthropic";

    /**
     * @param baseUrl the API's root without its version, e.g. {@code https://api.anthropic.com}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public AnthropicProvider(OkHttpClient client, String baseUrl) {
        super(ProviderKind.ANTHROPIC, new AnthropicProtocol(new HttpEndpoint(client, BaseUrl.of(baseUrl), NAME)));
    }
}
