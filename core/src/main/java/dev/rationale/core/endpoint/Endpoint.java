// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.provider.ProviderKind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named place to send prompts: which protocol, where, the model to use by default, and where its key is.
 *
 * @param name unique among the user's endpoints, e.g. {@code local-ollama}
 * @param baseUrl the server's base URL; null means the kind's usual one. For the embedded engine, the folder
 *     holding GGUF files
 * @param model the default model (for the embedded engine, a GGUF path)
 * @param key where the key is; null for servers that need none
 * @param members for a {@link ProviderKind#POOL pool}, the endpoints it spreads requests over; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "kind", "baseUrl", "model", "key", "members"})
public record Endpoint(
        String name,
        ProviderKind kind,
        @Nullable String baseUrl,
        @Nullable String model,
        @Nullable KeyReference key,
        @Nullable List<PoolMember> members) {

    public Endpoint {
        members = members == null ? null : List.copyOf(members);
    }

    /** An endpoint that is not a pool. */
    public Endpoint(String name, ProviderKind kind, @Nullable String baseUrl, @Nullable String model,
            @Nullable KeyReference key) {
        this(name, kind, baseUrl, model, key, null);
    }

    /** A pool over {@code members}; its model is theirs. */
    public static Endpoint pool(String name, List<PoolMember> members) {
        return new Endpoint(name, ProviderKind.POOL, null, null, null, members);
    }

    /** The members of a pool; none for any other endpoint. */
    public List<PoolMember> poolMembers() {
        return members == null ? List.of() : members;
    }

    /** This endpoint with {@code model} as its default model. */
    public Endpoint withModel(@Nullable String model) {
        return new Endpoint(name, kind, baseUrl, model, key, members);
    }

    /** The base URL, or the kind's usual one. */
    public String effectiveBaseUrl() {
        return baseUrl != null && !baseUrl.isBlank() ? baseUrl : kind.defaultBaseUrl();
    }

    /** Where the key is: as configured, else the variable the vendor's own tools read. */
    public KeyReference effectiveKey() {
        if (key != null && (key.env() != null || key.keychain() != null)) {
            return key;
        }
        return switch (kind) {
            case OPENAI, OPENAI_TEXT -> effectiveBaseUrl().contains("api.openai.com")
                    ? KeyReference.environment("OPENAI_API_KEY") : KeyReference.NONE;
            case ANTHROPIC -> KeyReference.environment("ANTHROPIC_API_KEY");
            case GEMINI -> KeyReference.environment("GEMINI_API_KEY");
            case OLLAMA, LLAMACPP, EMBEDDED, POOL -> KeyReference.NONE;
        };
    }
}
