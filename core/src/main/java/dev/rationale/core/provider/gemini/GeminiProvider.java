// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

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
import dev.rationale.core.provider.http.BaseUrl;
import dev.rationale.core.provider.http.BlockingCall;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.SseDataReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Google's Gemini API, streamed with {@code streamGenerateContent?alt=sse}: answer and thought parts, token
 * log-probabilities with up to 20 alternatives, seed and several candidates. The key goes in
 * {@code x-goog-api-key} through the endpoint's client ({@code AuthScheme.GOOGLE}), never in the URL, so it
 * cannot end up in a logged address. Thread-safe.
 */
public final class GeminiProvider implements ChatProvider {

    static final String NAME = "Gemini";
    private static final ObjectMapper JSON = WireJson.MAPPER;
    private static final int MAX_PAGES = 100;

    private final OkHttpClient client;
    private final BaseUrl baseUrl;

    /**
     * @param baseUrl the API's root including its version, e.g.
     *     {@code https://generativelanguage.googleapis.com/v1beta}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public GeminiProvider(OkHttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = BaseUrl.of(baseUrl);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.GEMINI;
    }

    @Override
    public Capabilities capabilities() {
        return GeminiRequests.CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, GeminiRequests.CAPABILITIES, NAME);
        CompletionRequest sent = checked.request();
        List<String> notices = new ArrayList<>(checked.notices());
        notices.addAll(GeminiRequests.notices(sent));
        Request http = new Request.Builder().url(baseUrl.resolve(GeminiRequests.streamPath(sent.model())))
                .header("Accept", "text/event-stream")
                .post(JsonBody.of(JSON, GeminiRequests.body(sent))).build();
        int samples = sent.samples();
        return StreamingCall.start(client, http, NAME, new RequestCheck.Checked(sent, notices), (body, out) -> {
            GeminiStreamMapper mapper = new GeminiStreamMapper(samples);
            SseDataReader events = new SseDataReader(body, JSON, error -> GeminiErrors.fromBody(
                    JSON.createObjectNode().set("error", error), null));
            for (String data = events.next(); data != null; data = events.next()) {
                out.emitAll(mapper.onData(data));
            }
            // No terminator: the end of the body is the end of the stream, complete only if every candidate ended.
            if (!mapper.finished()) {
                throw out.cutShort("before every candidate had finished");
            }
        }, listener);
    }

    /**
     * Chat only; some models refuse a request that ends with a model turn, so no reply is prefilled. Gemma models
     * answer a {@code systemInstruction} with 400 "Developer instruction is not enabled", so for them the system text
     * opens the first user turn.
     */
    @Override
    public PromptIntake intake(String model) {
        String name = model.startsWith("models/") ? model.substring("models/".length()) : model;
        return PromptIntake.chatOnly(NAME, model, false).withSystemRole(!name.startsWith("gemma-"));
    }

    /** Every page of the model list, models that cannot generate text left out. */
    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Request request = new Request.Builder().url(baseUrl.resolve(GeminiModels.path(token))).get().build();
            JsonNode reply = BlockingCall.execute(client, request, NAME, body -> JSON.readTree(body.inputStream()));
            models.addAll(GeminiModels.parse(reply));
            String next = GeminiModels.nextPageToken(reply);
            if (next == null || next.equals(token)) {
                break;
            }
            token = next;
        }
        return models;
    }
}
