// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import dev.rationale.core.provider.Capabilities;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ModelInfo;
import dev.rationale.core.provider.http.HttpEndpoint;
import dev.rationale.core.provider.http.HttpProtocol;
import dev.rationale.core.provider.http.ModelPages;
import dev.rationale.core.provider.http.SseReader;
import dev.rationale.core.provider.http.StreamingCall;
import dev.rationale.core.render.PromptIntake;
import java.io.IOException;
import java.util.List;
import okhttp3.Request;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Anthropic's Messages API as an {@link HttpProtocol}; see {@link AnthropicProvider}. Thread-safe. */
final class AnthropicProtocol extends HttpProtocol {

    /** Chat only, no token probabilities, no seed, one sample; reasoning comes as thinking blocks. */
    static final Capabilities CAPABILITIES = Capabilities.builder().chat().thinkingControl()
            .reasoning().modelListing().build();


    AnthropicProtocol(HttpEndpoint endpoint) {
        super(endpoint, CAPABILITIES);
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
        return ModelPages.collect(after -> endpoint.json(endpoint.to(AnthropicModels.path(after))
                .header("anthropic-version", AnthropicRequests.API_VERSION).get().build()),
                AnthropicModels::parse, AnthropicModels::nextAfterId);
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
