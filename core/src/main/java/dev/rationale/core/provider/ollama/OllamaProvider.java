// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.rationale.core.provider.http.NdjsonReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Ollama's native API: chat prompts to {@code /api/chat}, raw text prompts to {@code /api/generate} in raw mode,
 * both streamed as NDJSON. The server keeps a thinking model's reasoning apart on {@code /api/chat}; in raw mode
 * it does not, so {@code <think>} blocks are split out here. Token texts are rebuilt from their bytes. No key: a
 * local server takes none, and one behind an authenticating proxy gets its header from the endpoint's client.
 * Thread-safe.
 */
public final class OllamaProvider implements ChatProvider {

    static final String NAME = "Ollama";
    private static final ObjectMapper JSON = WireJson.MAPPER;

    private final OkHttpClient client;
    private final BaseUrl baseUrl;
    private final OllamaTemplates templates;

    /**
     * @param baseUrl the server's root, e.g. {@code http://localhost:11434}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public OllamaProvider(OkHttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = BaseUrl.of(baseUrl);
        this.templates = new OllamaTemplates(client, this.baseUrl, JSON);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.OLLAMA;
    }

    @Override
    public Capabilities capabilities() {
        return OllamaRequests.CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, OllamaRequests.CAPABILITIES, NAME);
        CompletionRequest sent = checked.request();
        OllamaRequests.Post post = OllamaRequests.post(sent);
        Request http = new Request.Builder().url(baseUrl.resolve(post.path()))
                .post(JsonBody.of(JSON, post.body())).build();
        StreamTextNormalizer normalizer = sent.prompt() instanceof RenderedPrompt.Text text
                ? StreamTextNormalizer.splittingThinkTags(text.prompt()) : StreamTextNormalizer.tokensOnly();
        return StreamingCall.start(client, http, NAME, checked, (body, out) -> {
            OllamaStreamMapper mapper = new OllamaStreamMapper();
            NdjsonReader lines = new NdjsonReader(body, JSON);
            for (JsonNode line = lines.next(); line != null; line = lines.next()) {
                out.emitAll(normalizer.apply(mapper.onLine(line)));
                if (mapper.finished()) {
                    return;
                }
            }
            out.emitAll(normalizer.finish());
            throw out.cutShort("before its \"done\" line");
        }, listener);
    }

    /** Asks the server for the model's template once ({@code POST /api/show}); blocks. */
    @Override
    public PromptIntake intake(String model) {
        return templates.intake(model);
    }

    @Override
    public List<ModelInfo> listModels() {
        Request request = new Request.Builder().url(baseUrl.resolve(OllamaModels.PATH)).get().build();
        return BlockingCall.execute(client, request, NAME,
                body -> OllamaModels.parse(JSON.readTree(body.inputStream())));
    }
}
