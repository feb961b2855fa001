// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.gemini.GeminiProvider;
import dev.rationale.core.provider.http.AuthScheme;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.llamacpp.LlamaCppProvider;
import dev.rationale.core.provider.ollama.OllamaProvider;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.provider.openai.OpenAiTextProvider;
import java.nio.file.Path;
import okhttp3.OkHttpClient;

/** Turns an endpoint into the provider that speaks its protocol, sharing one HTTP client among all of them. */
public final class ProviderFactory {
    private final OkHttpClient shared;
    private final KeyResolver keys;

    /** @param shared the application's one HTTP client ({@link HttpClients#create()}) */
    public ProviderFactory(OkHttpClient shared, KeyResolver keys) {
        this.shared = shared;
        this.keys = keys;
    }

    /** The provider for {@code endpoint}; keys are looked up at each request, never kept. */
    public CompletionProvider create(Endpoint endpoint) {
        String baseUrl = endpoint.effectiveBaseUrl();
        OpenAiOptions options = OpenAiOptions.defaults().withName(endpoint.name());
        return switch (endpoint.kind()) {
            case OPENAI -> new OpenAiChatProvider(client(endpoint, AuthScheme.BEARER), baseUrl, options);
            case OPENAI_TEXT -> new OpenAiTextProvider(client(endpoint, AuthScheme.BEARER), baseUrl, options);
            // Local servers take no key; one behind an authenticating proxy, or started with --api-key, a bearer.
            case OLLAMA -> new OllamaProvider(client(endpoint, AuthScheme.BEARER), baseUrl);
            case LLAMACPP -> new LlamaCppProvider(client(endpoint, AuthScheme.BEARER), baseUrl);
            case ANTHROPIC -> new AnthropicProvider(client(endpoint, AuthScheme.ANTHROPIC), baseUrl);
            case GEMINI -> new GeminiProvider(client(endpoint, AuthScheme.GOOGLE), baseUrl);
            case EMBEDDED -> new EmbeddedProvider(Path.of(endpoint.baseUrl() == null ? "." : endpoint.baseUrl()));
        };
    }

    private OkHttpClient client(Endpoint endpoint, AuthScheme scheme) {
        KeyReference key = endpoint.effectiveKey();
        return HttpClients.forEndpoint(shared, scheme, () -> keys.find(key).orElse(null));
    }
}
