// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.StreamTextNormalizer;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProtocol;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.NdjsonReader;
import dev.rationale.core.provider.http.NormalizedStream;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okio.BufferedSource;

/** Ollama's native API as an {@link HttpProtocol}; see {@link OllamaProvider}. Thread-safe. */
final class OllamaProtocol extends HttpProtocol {

    /**
     * What the native API can do. Top-k alternatives are capped at 20 by the server (a 400 above that);
     * logprobs need Ollama 0.12.11 or later, and older servers silently send none.
     */
    static final Capabilities CAPABILITIES = Capabilities.builder().chat().thinkingControl().rawText()
            .maxTopLogprobs(20).reasoning().seed().modelListing().structuredOutput().build();

    private final OllamaTemplates templates;

    OllamaProtocol(HttpEndpoint endpoint) {
        super(endpoint, CAPABILITIES);
        this.templates = new OllamaTemplates(endpoint);
    }

    @Override
    public Request request(CompletionRequest sent) {
        OllamaRequests.Post post = OllamaRequests.post(sent);
        return endpoint.postForLines(post.path(), post.body()).build();
    }

    @Override
    public List<String> notices(CompletionRequest sent) {
        return OllamaRequests.notices(sent);
    }

    @Override
    public StreamingCall.BodyHandler reader(CompletionRequest sent) {
        StreamTextNormalizer normalizer = sent.prompt() instanceof RenderedPrompt.Text text
                ? StreamTextNormalizer.splittingThinkTags(text.prompt()) : StreamTextNormalizer.tokensOnly();
        return (body, out) -> read(body, out, normalizer);
    }

    private static void read(BufferedSource body, StreamingCall.Emitter out, StreamTextNormalizer normalizer)
            throws IOException {
        OllamaStreamMapper mapper = new OllamaStreamMapper();
        NdjsonReader lines = new NdjsonReader(body, WireJson.MAPPER);
        NormalizedStream.read(() -> {
            JsonNode line;
            try {
                line = lines.next();
            } catch (JacksonException e) {
                throw MalformedReply.fromJson("Ollama", "a line", e, null);
            }
            return line == null ? null : mapper.onLine(line);
        }, mapper::finished, normalizer, out, "before its \"done\" line");
    }

    /** Asks the server for the model's template once ({@code POST /api/show}); blocks. */
    @Override
    public PromptIntake intake(String model) {
        return templates.intake(model);
    }

    @Override
    public List<ModelInfo> listModels() {
        return OllamaModels.parse(endpoint.getJson(OllamaModels.PATH));
    }
}
