// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.ThinkTagSplitter;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProvider;
import okhttp3.OkHttpClient;

/**
 * The legacy raw-text endpoint, {@code POST {base}/completions}: the model continues the rendered prompt byte for
 * byte, which few-shot scoring needs. Up to 5 alternatives per token (the protocol's cap); prompt tokens are
 * scored with {@code echo} where the server allows it (vLLM; OpenAI's current models and llama.cpp refuse, and
 * their error is passed on). Reasoning is split from the raw text by its {@code <think>} tags
 * ({@link ThinkTagSplitter}). Thread-safe; see {@link CompletionProvider} for the threading of events.
 */
public final class OpenAiTextProvider extends HttpProvider {

    /** Raw text only, up to 5 alternatives, prompt scoring by echo, think-tag reasoning, seed, n, model list. */
    public static final Capabilities CAPABILITIES = OpenAiTextProtocol.CAPABILITIES;

    /**
     * @param client the endpoint's client, with its key added ({@code HttpClients.forEndpoint})
     * @param baseUrl up to and including the version, e.g. {@code http://localhost:8000/v1}
     * @param options its name for messages; the token limit field is always {@code max_tokens} here
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OpenAiTextProvider(OkHttpClient client, String baseUrl, OpenAiOptions options) {
        this(options.endpoint(client, BaseUrl.of(baseUrl)));
    }

    public OpenAiTextProvider(OkHttpClient client, String baseUrl) {
        this(client, baseUrl, OpenAiOptions.defaults());
    }

    private OpenAiTextProvider(HttpEndpoint endpoint) {
        super(ProviderKind.OPENAI_TEXT, new OpenAiTextProtocol(endpoint));
    }
}
