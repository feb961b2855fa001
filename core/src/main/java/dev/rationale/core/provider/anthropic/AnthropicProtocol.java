// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProtocol;
import dev.rationale.core.provider.http.SseReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.render.PromptIntake;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Request;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Anthropic's Messages API as an {@link HttpProtocol}; see {@link AnthropicProvider}. Thread-safe. */
final class AnthropicProtocol implements HttpProtocol {

    /** Chat only, no token probabilities, no seed, one sample; reasoning comes as thinking blocks. */
    static final Capabilities CAPABILITIES = Capabilities.builder().chat().reasoning().modelListing().build();

    private static final int MAX_PAGES = 100;

    private final HttpEndpoint endpoint;

    AnthropicProtocol(HttpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Request request(CompletionRequest sent) {
        return endpoint.postForEvents(AnthropicRequests.MESSAGES_PATH, AnthropicRequests.body(sent))
                .header("anthropic-version", AnthropicRequests.API_VERSION).build();
    }

    @Override
    public List<String> notices(CompletionRequest sent) {
        return AnthropicRequests.notices(sent);
    }

    @Override
    public StreamingCall.BodyHandler reader(CompletionRequest sent) {
        return AnthropicProtocol::read;
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
        return PromptIntake.chatOnly(endpoint.name(), model, AnthropicPrefill.accepted(model));
    }

    /** Every page of the model list, newest model first. */
    @Override
    public List<ModelInfo> listModels() {
        List<ModelInfo> models = new ArrayList<>();
        String after = null;
        // A server that kept pointing at the same page would otherwise keep this loop going for ever.
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode reply = endpoint.json(endpoint.to(AnthropicModels.path(after))
                    .header("anthropic-version", AnthropicRequests.API_VERSION).get().build());
            models.addAll(AnthropicModels.parse(reply));
            String next = AnthropicModels.nextAfterId(reply);
            if (next == null || next.equals(after)) {
                break;
            }
            after = next;
        }
        return models;
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
