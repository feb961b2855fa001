// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProtocol;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import okhttp3.Request;

/** OpenAI Chat Completions as an {@link HttpProtocol}; see {@link OpenAiChatProvider}. Thread-safe. */
final class OpenAiChatProtocol extends HttpProtocol {

    /** Chat only, up to 20 alternatives, reasoning where the server returns it, seed, n, model list. */
    static final Capabilities CAPABILITIES = Capabilities.builder().chat().thinkingControl()
            .maxTopLogprobs(20).reasoning().seed()
            .multipleSamples().modelListing().structuredOutput().build();

    private final OpenAiOptions.TokenLimit tokenLimit;

    OpenAiChatProtocol(HttpEndpoint endpoint, OpenAiOptions.TokenLimit tokenLimit) {
        super(endpoint, CAPABILITIES);
        this.tokenLimit = tokenLimit;
    }

    @Override
    public Request request(CompletionRequest sent) {
        RenderedPrompt.Chat prompt = (RenderedPrompt.Chat) sent.prompt();
        return endpoint.postForEvents("/chat/completions", ChatCompletionRequest.of(sent, prompt, tokenLimit))
                .build();
    }

    @Override
    public StreamingCall.BodyHandler reader(CompletionRequest sent) {
        int top = sent.logprobs() ? sent.requestedTopLogprobs() : 0;
        return new OpenAiEventStream(endpoint.name(), sent.samples(), new ChatChunkMapper(endpoint.name(), top));
    }

    /** Chat only; a last assistant message is not reliably continued by these servers, so none is sent. */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.chatOnly(endpoint.name(), model, false);
    }

    @Override
    public List<ModelInfo> listModels() {
        return ModelList.fetch(endpoint);
    }
}
