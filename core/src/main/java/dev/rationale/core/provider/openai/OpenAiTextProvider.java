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
import dev.rationale.core.provider.ThinkTagSplitter;
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
 * The legacy raw-text endpoint, {@code POST {base}/completions}: the model continues the rendered prompt byte for
 * byte, which few-shot scoring needs. Up to 5 alternatives per token (the protocol's cap); prompt tokens are
 * scored with {@code echo} where the server allows it (vLLM; OpenAI's current models and llama.cpp refuse, and
 * their error is passed on). Reasoning is split from the raw text by its {@code <think>} tags
 * ({@link ThinkTagSplitter}). Thread-safe; see {@link ChatProvider} for the threading of events.
 */
public final class OpenAiTextProvider implements ChatProvider {

    /** Raw text only, up to 5 alternatives, prompt scoring by echo, think-tag reasoning, seed, n, model list. */
    public static final Capabilities CAPABILITIES = Capabilities.builder().rawText().maxTopLogprobs(5).promptLogprobs()
            .reasoning().seed().multipleSamples().modelListing().build();

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final String name;

    /**
     * @param client the endpoint's client, with its key added ({@code HttpClients.forEndpoint})
     * @param baseUrl up to and including the version, e.g. {@code http://localhost:8000/v1}
     * @param options its name for messages; the token limit field is always {@code max_tokens} here
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OpenAiTextProvider(OkHttpClient client, String baseUrl, OpenAiOptions options) {
        this.client = client;
        this.baseUrl = HttpUrl.get(baseUrl);
        this.name = options.displayName(this.baseUrl);
    }

    public OpenAiTextProvider(OkHttpClient client, String baseUrl) {
        this(client, baseUrl, OpenAiOptions.defaults());
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OPENAI_TEXT;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, CAPABILITIES, name);
        CompletionRequest sent = checked.request();
        String prompt = ((RenderedPrompt.Text) sent.prompt()).prompt();
        Request http = new Request.Builder()
                .url(baseUrl.newBuilder().addPathSegment("completions").build())
                .header("Accept", "text/event-stream")
                .post(JsonBody.of(WireJson.MAPPER, TextCompletionRequest.of(sent, prompt)))
                .build();
        TextChunkMapper mapper = new TextChunkMapper(name, prompt, sent.logprobs() ? sent.requestedTopLogprobs() : 0,
                sent.logprobs(), sent.promptLogprobs());
        return StreamingCall.start(client, http, name, checked, new OpenAiEventStream(name, mapper), listener);
    }

    /** Raw text only; the model's chat template is not known to this API. */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.textOnly(name, model);
    }

    @Override
    public List<ModelInfo> listModels() {
        return ModelList.fetch(client, baseUrl, name);
    }
}
