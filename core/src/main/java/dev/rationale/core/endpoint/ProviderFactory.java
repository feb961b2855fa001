// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.anthropic.AnthropicBatchApi;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
import dev.rationale.core.provider.batch.BatchApi;
import dev.rationale.core.provider.embedded.EmbeddedProvider;
import dev.rationale.core.provider.gemini.GeminiBatchApi;
import dev.rationale.core.provider.gemini.GeminiProvider;
import dev.rationale.core.provider.http.AuthScheme;
import dev.rationale.core.provider.http.HttpClients;
import dev.rationale.core.provider.llamacpp.LlamaCppProvider;
import dev.rationale.core.provider.ollama.OllamaProvider;
import dev.rationale.core.provider.openai.OpenAiBatchApi;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.provider.openai.OpenAiTextProvider;
import dev.rationale.core.provider.pool.PoolProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Turns an endpoint into the provider that speaks its protocol, sharing one HTTP client among all of them. A pool
 * becomes a {@link PoolProvider} over its members' providers, looked up in the endpoints the factory was given.
 */
public final class ProviderFactory {
    private final OkHttpClient shared;
    private final KeyResolver keys;
    private final Supplier<List<Endpoint>> endpoints;

    /** A factory for endpoints other than pools. */
    public ProviderFactory(OkHttpClient shared, KeyResolver keys) {
        this(shared, keys, List::of);
    }

    /**
     * @param shared the application's one HTTP client ({@link HttpClients#create()})
     * @param endpoints the user's endpoints, where a pool's members are found (e.g. {@link EndpointStore#load})
     */
    public ProviderFactory(OkHttpClient shared, KeyResolver keys, Supplier<List<Endpoint>> endpoints) {
        this.shared = shared;
        this.keys = keys;
        this.endpoints = endpoints;
    }

    /**
     * What makes two endpoints the same provider: the endpoint, and for a pool its members as they are now, so that
     * editing a member gives the pool a new provider ({@link ProviderCache}).
     *
     * @throws dev.rationale.core.RationaleException when a pool is refused ({@link EndpointPools#resolve})
     */
    public Object identity(Endpoint endpoint) {
        return endpoint.kind() == ProviderKind.POOL ? EndpointPools.resolve(endpoint, endpoints.get()) : endpoint;
    }

    /**
     * The provider for {@code endpoint}; keys are looked up at each request, never kept.
     *
     * @throws dev.rationale.core.RationaleException when a pool is refused ({@link EndpointPools#resolve})
     */
    public CompletionProvider create(Endpoint endpoint) {
        if (endpoint.kind() == ProviderKind.POOL) {
            return pool(EndpointPools.resolve(endpoint, endpoints.get()));
        }
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
            case POOL -> throw new IllegalStateException("pools are made above");
        };
    }

    private PoolProvider pool(EndpointPools.Resolved pool) {
        return new PoolProvider(pool.pool().name(), pool.members().stream()
                .map(m -> new PoolProvider.Server(m.endpoint().name(), create(m.endpoint()), m.concurrency()))
                .toList());
    }

    /**
     * The batch API behind {@code endpoint}: OpenAI's Batch API (OpenAI's own field for the token limit), Anthropic's
     * Message Batches, Gemini's batch mode. Keys are looked up at each request, as for {@link #create}.
     *
     * @throws ProviderException UNSUPPORTED for an endpoint kind without one (local servers, the embedded engine)
     */
    public BatchApi batchApi(Endpoint endpoint) {
        String baseUrl = endpoint.effectiveBaseUrl();
        return switch (endpoint.kind()) {
            case OPENAI -> new OpenAiBatchApi(client(endpoint, AuthScheme.BEARER), baseUrl,
                    OpenAiOptions.defaults().withName(endpoint.name())
                            .withTokenLimit(OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS));
            case ANTHROPIC -> new AnthropicBatchApi(client(endpoint, AuthScheme.ANTHROPIC), baseUrl);
            case GEMINI -> new GeminiBatchApi(client(endpoint, AuthScheme.GOOGLE), baseUrl);
            case OPENAI_TEXT, OLLAMA, LLAMACPP, EMBEDDED, POOL -> throw new ProviderException(
                    ProviderException.Kind.UNSUPPORTED, "endpoint \"" + endpoint.name() + "\" (" + endpoint.kind().id()
                    + ") has no batch API; batches go to openai, anthropic or gemini endpoints");
        };
    }

    private OkHttpClient client(Endpoint endpoint, AuthScheme scheme) {
        KeyReference key = endpoint.effectiveKey();
        return HttpClients.forEndpoint(shared, scheme, () -> keys.find(key).orElse(null));
    }
}
