// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProvider;
import okhttp3.OkHttpClient;

/**
 * OpenAI Chat Completions, and the many servers that copy it. Streams {@code POST {base}/chat/completions} with
 * usage; reasoning text is read from {@code reasoning_content} (llama.cpp, DeepSeek, older vLLM) or
 * {@code reasoning} (Ollama {@code /v1}, vLLM, OpenRouter); OpenAI itself returns none. Token texts are rebuilt
 * from their bytes. Thread-safe; see {@link CompletionProvider} for the threading of events.
 */
public final class OpenAiChatProvider extends HttpProvider {

    /** Chat only, up to 20 alternatives, reasoning where the server returns it, seed, n, model list. */
    public static final Capabilities CAPABILITIES = OpenAiChatProtocol.CAPABILITIES;

    /**
     * @param client the endpoint's client, with its key added ({@code HttpClients.forEndpoint})
     * @param baseUrl up to and including the version, e.g. {@code https://api.openai.com/v1}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OpenAiChatProvider(OkHttpClient client, String baseUrl, OpenAiOptions options) {
        this(options.endpoint(client, BaseUrl.of(baseUrl)), options.tokenLimit());
    }

    public OpenAiChatProvider(OkHttpClient client, String baseUrl) {
        this(client, baseUrl, OpenAiOptions.defaults());
    }

    private OpenAiChatProvider(HttpEndpoint endpoint, OpenAiOptions.TokenLimit tokenLimit) {
        super(ProviderKind.OPENAI, new OpenAiChatProtocol(endpoint, tokenLimit));
    }
}
