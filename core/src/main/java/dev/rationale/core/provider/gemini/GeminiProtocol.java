// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProtocol;
import dev.rationale.core.provider.http.ModelPages;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okio.BufferedSource;

/** Google's Gemini API as an {@link HttpProtocol}; see {@link GeminiProvider}. Thread-safe. */
final class GeminiProtocol extends HttpProtocol {

    /**
     * Chat only; up to 20 alternatives per token where the model allows logprobs at all (others answer 400);
     * a seed; several candidates where the model allows them.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder().chat().thinkingControl()
            .maxTopLogprobs(GeminiRequests.MAX_TOP_LOGPROBS).reasoning().seed().multipleSamples().modelListing()
            .structuredOutput().build();


    GeminiProtocol(HttpEndpoint endpoint) {
        super(endpoint, CAPABILITIES);
    }

    @Override
    public Request request(CompletionRequest sent) {
        return endpoint.postForEvents(GeminiRequests.streamPath(sent.model()), GeminiRequests.body(sent)).build();
    }

    @Override
    public List<String> notices(CompletionRequest sent) {
        return GeminiRequests.notices(sent);
    }

    @Override
    public StreamingCall.BodyHandler reader(CompletionRequest sent) {
        int samples = sent.samples();
        return (body, out) -> read(body, out, new GeminiStreamMapper(samples));
    }

    private static void read(BufferedSource body, StreamingCall.Emitter out, GeminiStreamMapper mapper)
            throws IOException {
        SseDataReader events = new SseDataReader(body, WireJson.MAPPER, error -> GeminiErrors.fromBody(
                WireJson.MAPPER.createObjectNode().set("error", error), null));
        for (String data = events.next(); data != null; data = events.next()) {
            out.emitAll(mapper.onData(data));
        }
        // No terminator: the end of the body is the end of the stream, complete only if every candidate ended.
        if (!mapper.finished()) {
            throw out.cutShort("before every candidate had finished");
        }
    }

    /**
     * Chat only; some models refuse a request that ends with a model turn, so no reply is prefilled. Gemma models
     * answer a {@code systemInstruction} with 400 "Developer instruction is not enabled", so for them the system text
     * opens the first user turn.
     */
    @Override
    public PromptIntake intake(String model) {
        return intake(endpoint.name(), model);
    }

    /** How {@code model} takes prompts, for the streaming API and the batch API alike; messages name {@code source}. */
    static PromptIntake intake(String source, String model) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return PromptIntake.chatOnly(source, model, false).withSystemRole(!name.startsWith("gemma-"));
    }

    /** Every page of the model list, models that cannot generate text left out. */
    @Override
    public List<ModelInfo> listModels() {
        return ModelPages.collect(token -> endpoint.getJson(GeminiModels.path(token)), GeminiModels::parse,
                GeminiModels::nextPageToken);
    }
}
