// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.StreamTextNormalizer;
import dev.rationale.core.provider.TemplateThinking;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProtocol;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.NormalizedStream;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import okio.BufferedSource;

/** llama.cpp server's native {@code /completion} as an {@link HttpProtocol}; see {@link LlamaCppProvider}. */
final class LlamaCppProtocol extends HttpProtocol {

    /**
     * Raw text only; one completion per request; no prompt scoring. The endpoint returns {@code <think>} tags
     * inside the text; the reader splits them out, so reasoning does come apart from the answer.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder().rawText().thinkingControl()
            .maxTopLogprobs(LlamaCppRequests.MAX_TOP_LOGPROBS).reasoning().seed().modelListing()
            .structuredOutput().build();

    private final LlamaCppTemplates templates;

    LlamaCppProtocol(HttpEndpoint endpoint) {
        super(endpoint, CAPABILITIES);
        this.templates = new LlamaCppTemplates(endpoint);
    }

    @Override
    public Request request(CompletionRequest sent) {
        return endpoint.postForEvents(LlamaCppRequests.PATH, LlamaCppRequests.completion(sent)).build();
    }

    /**
     * The thinking switch travels with the chat template ({@code chat_template_kwargs} when the prompt was
     * formatted), so what a level becomes depends on the template {@code /props} reported.
     */
    @Override
    public List<String> notices(CompletionRequest sent) {
        ThinkingLevel level = sent.thinking();
        if (level == null) {
            return List.of();
        }
        String model = sent.model().isBlank() ? "the server's model" : sent.model();
        return TemplateThinking.notice(LlamaCppProvider.NAME, model, level, templates.hasThinkingSwitch()).stream()
                .toList();
    }

    @Override
    public StreamingCall.BodyHandler reader(CompletionRequest sent) {
        // The capability check has already refused chat prompts.
        StreamTextNormalizer normalizer = StreamTextNormalizer.splittingThinkTags(
                ((RenderedPrompt.Text) sent.prompt()).prompt());
        LlamaCppStreamMapper mapper = new LlamaCppStreamMapper(sent.logprobs() ? sent.requestedTopLogprobs() : 0);
        return (body, out) -> read(body, out, mapper, normalizer);
    }

    private static void read(BufferedSource body, StreamingCall.Emitter out, LlamaCppStreamMapper mapper,
            StreamTextNormalizer normalizer) throws IOException {
        SseDataReader events = new SseDataReader(body, WireJson.MAPPER, LlamaCppStreamMapper::error);
        NormalizedStream.read(() -> {
            String data = events.next();
            return data == null ? null : mapper.onData(parse(data));
        }, mapper::finished, normalizer, out, "before its \"stop\" event");
    }

    private static JsonNode parse(String data) {
        try {
            return WireJson.MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw MalformedReply.fromJson("llama.cpp", "an event", e, null);
        }
    }

    /** Asks the server once whether its model has a chat template ({@code GET /props}); blocks. */
    @Override
    public PromptIntake intake(String model) {
        return templates.intake(model);
    }

    @Override
    public Optional<Tokenizer> tokenizer() {
        return Optional.of(new LlamaCppTokenizer(endpoint(), templates));
    }

    @Override
    public List<ModelInfo> listModels() {
        return LlamaCppModels.parse(endpoint.getJson(LlamaCppModels.PATH));
    }
}
