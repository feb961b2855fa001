// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

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
import dev.rationale.core.provider.http.SseReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.PromptIntake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic's Messages API, streamed: text and thinking blocks become answer and reasoning; no token
 * probabilities, seed or several samples. The key goes in {@code x-api-key} through the endpoint's client
 * ({@code AuthScheme.ANTHROPIC}); the API version header is set here, so any client works. Thread-safe.
 */
public final class AnthropicProvider implements ChatProvider {

    static final String NAME = "Anthropic";
    private static final ObjectMapper JSON = WireJson.MAPPER;
    private static final int MAX_PAGES = 100;

    private final OkHttpClient client;
    private final BaseUrl baseUrl;

    /**
     * @param baseUrl the API's root without its version, e.g. {@code https://api.anthropic.com}
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL
     */
    public AnthropicProvider(OkHttpClient client, String baseUrl) {
        this.client = client;
        this.baseUrl = BaseUrl.of(baseUrl);
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.ANTHROPIC;
    }

    @Override
    public Capabilities capabilities() {
        return AnthropicRequests.CAPABILITIES;
    }

    @Override
    public Cancellable stream(CompletionRequest request, CompletionListener listener) {
        RequestCheck.Checked checked = RequestCheck.check(request, AnthropicRequests.CAPABILITIES, NAME);
        CompletionRequest sent = checked.request();
        List<String> notices = new ArrayList<>(checked.notices());
        notices.addAll(AnthropicRequests.notices(sent));
        Request http = versioned(new Request.Builder().url(baseUrl.resolve(AnthropicRequests.MESSAGES_PATH)))
                .header("Accept", "text/event-stream")
                .post(JsonBody.of(JSON, AnthropicRequests.body(sent))).build();
        return StreamingCall.start(client, http, NAME, new RequestCheck.Checked(sent, notices),
                AnthropicProvider::read, listener);
    }

    private static void read(BufferedSource body, StreamingCall.Emitter out) throws IOException {
        AnthropicStreamMapper mapper = new AnthropicStreamMapper();
        SseReader reader = new SseReader(body);
        NamedEvent event = new NamedEvent();
        while (reader.next(event)) {
            if (!event.data.isBlank()) {
                out.emitAll(mapper.onEvent(event.type, event.data));
            }
            if (mapper.finished()) {
                return;
            }
        }
        throw out.cutShort("before message_stop");
    }

    /** Chat only; a prefilled reply where the model still takes one ({@link AnthropicPrefill}). */
    @Override
    public PromptIntake intake(String model) {
        return PromptIntake.chatOnly(NAME, model, AnthropicPrefill.accepted(model));
    }

    /** Every page of the model list, newest model first. */
    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = new ArrayList<>();
        String after = null;
        // A server that kept pointing at the same page would otherwise keep this loop going for ever.
        for (int page = 0; page < MAX_PAGES; page++) {
            Request request = versioned(new Request.Builder().url(baseUrl.resolve(AnthropicModels.path(after))))
                    .get().build();
            JsonNode reply = BlockingCall.execute(client, request, NAME, body -> JSON.readTree(body.inputStream()));
            models.addAll(AnthropicModels.parse(reply));
            String next = AnthropicModels.nextAfterId(reply);
            if (next == null || next.equals(after)) {
                break;
            }
            after = next;
        }
        return models;
    }

    private static Request.Builder versioned(Request.Builder builder) {
        return builder.header("anthropic-version", AnthropicRequests.API_VERSION);
    }

    /** The event just read, name and data; parsing happens outside the reader's callback. */
    private static final class NamedEvent implements SseReader.Listener {
        private @Nullable String type;
        private String data = "";

        @Override
        public void onEvent(@Nullable String eventType, String eventData) {
            type = eventType;
            data = eventData;
        }
    }
}
