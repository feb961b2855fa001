// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProvider;
import okhttp3.OkHttpClient;

/**
 * Google's Gemini API, streamed with {@code streamGenerateContent?alt=sse}: answer and thought parts, token
 * log-probabilities with up to 20 alternatives, seed and several candidates. The key goes in
 * {@code x-goog-api-key} through the endpoint's client ({@code AuthScheme.GOOGLE}), never in the URL, so it
 * cannot end up in a logged address. Thread-safe.
 */
public final class GeminiProvider extends HttpProvider {

    static final String NAME = "Gemini";

    /**
     * @param baseUrl the API's root including its version, e.g.
     *     {@code https://generativelanguage.googleapis.com/v1beta}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public GeminiProvider(OkHttpClient client, String baseUrl) {
        super(ProviderKind.GEMINI, new GeminiProtocol(new HttpEndpoint(client, BaseUrl.of(baseUrl), NAME)));
    }
}
