// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.ChatProvider;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.StreamTextNormalizer;
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.BufferedSource;

/**
 * llama.cpp server's native {@code POST /completion}: one raw prompt continued, streamed as SSE that ends at EOF
 * after the {@code "stop": true} event. Token texts are rebuilt from their bytes and {@code <think>} blocks are
 * split out of the text. An API key, when the server was started with {@code --api-key}, goes as a bearer token
 * through the endpoint's client. Thread-safe.
 */
public final class LlamaCppProvider implements ChatProvider {

    static final String NAME = "llama.cpp";
    private static final ObjectMapper JSON = WireJson.MAPPER;

    private final OkHttpClient client;
    private final BaseUrl baseUrl;
    private final LlamaCppTemplates templates;

    /**
     * @param baseUrl the server's root, e.g. {@code http://localhost:8080}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public LlamaCppProvider(OkHttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = BaseUrl.of(baseUrl);
        this.templates = new LlamaCppTemplates(client, this.baseUrl, JSON);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.LLAMACPP;
    }

    @Override
    public Capabilities capabilities() {
        return LlamaCppRequests.CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, LlamaCppRequests.CAPABILITIES, NAME);
        CompletionRequest sent = checked.request();
        Request http = new Request.Builder().url(baseUrl.resolve(LlamaCppRequests.PATH))
                .header("Accept", "text/event-stream")
                .post(JsonBody.of(JSON, LlamaCppRequests.completion(sent))).build();
        // The capability check has already refused chat prompts.
        StreamTextNormalizer normalizer = StreamTextNormalizer.splittingThinkTags(
                ((RenderedPrompt.Text) sent.prompt()).prompt());
        LlamaCppStreamMapper mapper = new LlamaCppStreamMapper(sent.logprobs() ? sent.requestedTopLogprobs() : 0);
        return StreamingCall.start(client, http, NAME, checked, (body, out) -> read(body, out, mapper, normalizer),
                listener);
    }

    private static void read(BufferedSource body, StreamingCall.Emitter out, LlamaCppStreamMapper mapper,
            StreamTextNormalizer normalizer) throws IOException {
        SseDataReader events = new SseDataReader(body, JSON, LlamaCppStreamMapper::error);
        for (String data = events.next(); data != null; data = events.next()) {
            out.emitAll(normalizer.apply(mapper.onData(JSON.readTree(data))));
            if (mapper.finished()) {
                return;
            }
        }
        out.emitAll(normalizer.finish());
        throw out.cutShort("before its \"stop\" event");
    }

    /** Asks the server once whether its model has a chat template ({@code GET /props}); blocks. */
    @Override
    public PromptIntake intake(String model) {
        return templates.intake(model);
    }

    @Override
    public List<ModelInfo> listModels() {
        Request request = new Request.Builder().url(baseUrl.resolve(LlamaCppModels.PATH)).get().build();
        return BlockingCall.execute(client, request, NAME,
                body -> LlamaCppModels.parse(JSON.readTree(body.inputStream())));
    }
}
