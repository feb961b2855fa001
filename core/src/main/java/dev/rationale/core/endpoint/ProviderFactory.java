// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.provider.ChatProvider;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.http.AuthScheme;
import dev.rationale.core.provider.http.HttpClients;
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
    public ChatProvider create(Endpoint endpoint) {
        KeyReference key = endpoint.effectiveKey();
        OpenAiOptions options = OpenAiOptions.defaults().withName(endpoint.name());
        return switch (endpoint.kind()) {
            case OPENAI -> new OpenAiChatProvider(HttpClients.forEndpoint(shared, AuthScheme.BEARER,
                    () -> keys.find(key).orElse(null)), endpoint.effectiveBaseUrl(), options);
            case OPENAI_TEXT -> new OpenAiTextProvider(HttpClients.forEndpoint(shared, AuthScheme.BEARER,
                    () -> keys.find(key).orElse(null)), endpoint.effectiveBaseUrl(), options);
            case EMBEDDED -> new EmbeddedProvider(Path.of(endpoint.baseUrl() == null ? "." : endpoint.baseUrl()));
            case OLLAMA, LLAMACPP, ANTHROPIC, GEMINI -> throw new ProviderException(ProviderException.Kind.UNSUPPORTED,
                    "the " + endpoint.kind().id() + " provider is not wired up yet: its wire format is implemented,"
                            + " its HTTP client is not");
        };
    }
}
