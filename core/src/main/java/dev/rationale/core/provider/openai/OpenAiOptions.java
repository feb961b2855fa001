// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * How to talk to one OpenAI-compatible server.
 *
 * @param name how messages name the server, e.g. {@code "vLLM on gpu-box"}; null names it after the base URL
 * @param tokenLimit which field carries the request's token limit (chat only; legacy completions always use
 *     {@code max_tokens})
 */
public record OpenAiOptions(@Nullable String name, TokenLimit tokenLimit) {

    /** The chat request field for the token limit. */
    public enum TokenLimit {
        /**
         * {@code max_tokens}: understood by every local server (llama.cpp, vLLM, Ollama, LM Studio); deprecated by
         * OpenAI and rejected by its reasoning models.
         */
        MAX_TOKENS,
        /** {@code max_completion_tokens}: OpenAI's current field, which counts reasoning tokens too. */
        MAX_COMPLETION_TOKENS
    }

    /** Named after the base URL, with {@code max_tokens}, the field local servers understand. */
    public static OpenAiOptions defaults() {
        return new OpenAiOptions(null, TokenLimit.MAX_TOKENS);
    }

    public OpenAiOptions withName(@Nullable String newName) {
        return new OpenAiOptions(newName, tokenLimit);
    }

    public OpenAiOptions withTokenLimit(TokenLimit newTokenLimit) {
        return new OpenAiOptions(name, newTokenLimit);
    }

    /** The server at {@code baseUrl}, named by {@link #displayName}. */
    HttpEndpoint endpoint(OkHttpClient client, BaseUrl baseUrl) {
        return new HttpEndpoint(client, baseUrl, displayName(baseUrl.url()));
    }

    /** The name for messages: the one given, "OpenAI" for api.openai.com, else the server's host and port. */
    String displayName(HttpUrl baseUrl) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (baseUrl.host().equals("api.openai.com")) {
            return "OpenAI";
        }
        return "OpenAI-compatible server " + baseUrl.host() + ":" + baseUrl.port();
    }
}
