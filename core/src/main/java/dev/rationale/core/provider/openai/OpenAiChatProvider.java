// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.ChatProvider;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * OpenAI Chat Completions, and the many servers that copy it. Streams {@code POST {base}/chat/completions} with
 * usage; reasoning text is read from {@code reasoning_content} (llama.cpp, DeepSeek, older vLLM) or
 * {@code reasoning} (Ollama {@code /v1}, vLLM, OpenRouter); OpenAI itself returns none. Token texts are rebuilt
 * from their bytes. Thread-safe; see {@link ChatProvider} for the threading of events.
 */
public final class OpenAiChatProvider implements ChatProvider {

    /** Chat only, up to 20 alternatives, reasoning where the server returns it, seed, n, model list. */
    public static final Capabilities CAPABILITIES = Capabilities.builder().chat().maxTopLogprobs(20).reasoning().seed()
            .multipleSamples().modelListing().build();

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final OpenAiOptions options;
    private final String name;

    /**
     * @param client the endpoint's client, with its key added ({@code HttpClients.forEndpoint})
     * @param baseUrl up to and including the version, e.g. {@code https://api.openai.com/v1}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OpenAiChatProvider(OkHttpClient client, String baseUrl, OpenAiOptions options) {
        this.client = client;
        this.baseUrl = HttpUrl.get(baseUrl);
        this.options = options;
        this.name = options.displayName(this.baseUrl);
    }

    public OpenAiChatProvider(OkHttpClient client, String baseUrl) {
        this(client, baseUrl, OpenAiOptions.defaults());
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, CAPABILITIES, name);
        CompletionRequest sent = checked.request();
        RenderedPrompt.Chat prompt = (RenderedPrompt.Chat) sent.prompt();
        Request http = new Request.Builder()
                .url(baseUrl.newBuilder().addPathSegments("chat/completions").build())
                .header("Accept", "text/event-stream")
                .post(JsonBody.of(WireJson.MAPPER, ChatCompletionRequest.of(sent, prompt, options.tokenLimit())))
                .build();
        ChatChunkMapper mapper = new ChatChunkMapper(name, sent.logprobs() ? sent.requestedTopLogprobs() : 0);
        return StreamingCall.start(client, http, name, checked, new OpenAiEventStream(name, mapper), listener);
    }

    /** Chat only; a last assistant message is not reliably continued by these servers, so none is sent. */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.chatOnly(name, model, false);
    }

    @Override
    public List<ModelInfo> listModels() {
        return ModelList.fetch(client, baseUrl, name);
    }
}
