// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.EndpointPools;
import dev.rationale.core.endpoint.EndpointStore;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --endpoint NAME | --provider KIND [--base-url URL]}: where a command sends its requests. */
final class EndpointOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    /** The options themselves, for a command where naming an endpoint is optional ({@code render}). */
    static final class Choice {
        @Option(names = "--endpoint", paramLabel = "NAME", description = "A named endpoint from the endpoints file.")
        @Nullable String endpoint;

        @ArgGroup(exclusive = false)
        @Nullable Direct direct;

        /** The endpoint these options name. */
        Endpoint resolve(CommandSpec spec) {
            if (endpoint != null) {
                EndpointStore store = EndpointStore.user();
                List<Endpoint> all = store.load();
                Endpoint found = all.stream().filter(e -> e.name().equals(endpoint)).findFirst()
                        .orElseThrow(() -> new ParameterException(spec.commandLine(),
                                "no endpoint \"" + endpoint + "\" in " + store.file()));
                return found.kind() == ProviderKind.POOL ? pool(found, all) : found;
            }
            ProviderKind kind = ProviderKind.parse(direct.provider).filter(k -> k != ProviderKind.POOL)
                    .orElseThrow(() -> new ParameterException(spec.commandLine(), "unknown provider \""
                            + direct.provider + "\" (one of: " + Arrays.stream(ProviderKind.values())
                                    .filter(k -> k != ProviderKind.POOL).map(ProviderKind::id)
                                    .collect(Collectors.joining(", ")) + "; a pool is named with --endpoint)"));
            return new Endpoint(kind.id(), kind, direct.baseUrl, null, null);
        }
    }

    // A pool is checked here, so that a bad one is refused before anything starts; its model is its members'.
    private static Endpoint pool(Endpoint pool, List<Endpoint> all) {
        EndpointPools.Resolved resolved = EndpointPools.resolve(pool, all);
        return pool.model() == null || pool.model().isBlank() ? pool.withModel(resolved.model()) : pool;
    }

    static final class Direct {
        @Option(names = "--provider", paramLabel = "KIND", required = true,
                description = "openai, openai-text, ollama, llamacpp, anthropic, gemini or embedded.")
        String provider;

        @Option(names = "--base-url", paramLabel = "URL",
                description = "The server's base URL (default: the kind's usual one).")
        @Nullable String baseUrl;
    }

    /** The endpoint the options name. */
    Endpoint resolve(CommandSpec spec) {
        return choice.resolve(spec);
    }

    /** The provider that speaks to {@code endpoint}; keys are looked up at each request. */
    static CompletionProvider provider(Endpoint endpoint) {
        return providers(endpoint).create(endpoint);
    }

    /**
     * The providers of a command that talks to {@code endpoint} only: its HTTP client sets TLS up only when the
     * endpoint needs it ({@link HttpClients#createFor}); null for a command that may talk to any endpoint.
     */
    static ProviderFactory providers(@Nullable Endpoint endpoint) {
        return new ProviderFactory(endpoint == null ? HttpClients.create()
                : HttpClients.createFor(endpoint.effectiveBaseUrl()), KeyResolver.system(), EndpointStore.user()::load);
    }

    /** The model given with {@code --model}, else the endpoint's; a usage error when there is neither. */
    static String model(Endpoint endpoint, @Nullable String model, CommandSpec spec) {
        String name = model != null ? model : endpoint.model();
        if (name == null || name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "give a model with --model");
        }
        return name;
    }
}
