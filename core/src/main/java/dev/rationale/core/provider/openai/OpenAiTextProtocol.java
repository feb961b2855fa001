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

/** The legacy raw-text completions endpoint as an {@link HttpProtocol}; see {@link OpenAiTextProvider}. */
final class OpenAiTextProtocol extends HttpProtocol {

    /** Raw text only, up to 5 alternatives, prompt scoring by echo, think-tag reasoning, seed, n, model list. */
    static final Capabilities CAPABILITIES = Capabilities.builder().rawText().maxTopLogprobs(5).promptLogprobs()
            .reasoning().seed().multipleSamples().modelListing().build();


    OpenAiTextProtocol(HttpEndpoint endpoint) {
        super(endpoint, CAPABILITIES);
    }

    @Override
    public Request request(CompletionRequest sent) {
        return endpoint.postForEvents("/completions", TextCompletionRequest.of(sent, prompt(sent))).build();
    }

    @Override
    public StreamingCall.BodyHandler reader(CompletionRequest sent) {
        TextChunkMapper mapper = new TextChunkMapper(endpoint.name(), prompt(sent),
                sent.logprobs() ? sent.requestedTopLogprobs() : 0, sent.logprobs(), sent.promptLogprobs());
        return new OpenAiEventStream(endpoint.name(), sent.samples(), mapper);
    }

    /** Raw text only; the model's chat template is not known to this API. */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.textOnly(endpoint.name(), model);
    }

    @Override
    public List<ModelInfo> listModels() {
        return ModelList.fetch(endpoint);
    }

    private static String prompt(CompletionRequest sent) {
        return ((RenderedPrompt.Text) sent.prompt()).prompt();
    }
}
