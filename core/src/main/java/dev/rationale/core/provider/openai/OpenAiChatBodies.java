// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionCollector;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.RequestCheck;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.WireFields;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chat Completions bodies without the HTTP call, for files that another service sends (OpenAI's Batch API): the
 * request exactly as {@link OpenAiChatProvider} would send it, only not streamed, and a whole
 * {@code chat.completion} read into the result a stream would have given. Pure and thread-safe.
 */
public final class OpenAiChatBodies {

    private OpenAiChatBodies() {
    }

    /**
     * The JSON body of {@code POST /v1/chat/completions} for {@code request}, with {@code stream: false}.
     *
     * @throws ProviderException of kind UNSUPPORTED when the request cannot go to a chat endpoint (a raw-text
     *     prompt, prompt scoring)
     */
    public static ObjectNode request(CompletionRequest request, OpenAiOptions.TokenLimit tokenLimit) {
        CompletionRequest sent = RequestCheck.check(request, OpenAiChatProtocol.CAPABILITIES, "OpenAI Batch")
                .request();
        ChatCompletionRequest body = ChatCompletionRequest.of(sent, (RenderedPrompt.Chat) sent.prompt(), tokenLimit)
                .unstreamed();
        return WireJson.MAPPER.valueToTree(body);
    }

    /**
     * The result of a whole chat completion body: one sample per choice (by index), text and reasoning, scored
     * tokens with up to {@code topLogprobs} alternatives, finish reasons, usage. There are no timings.
     *
     * @param samples the choices the request asked for ({@code n}); a choice with another index is malformed
     * @param provider how messages name the source, e.g. {@code "OpenAI Batch"}
     * @throws ProviderException of kind MALFORMED_REPLY when the body is not a chat completion, with words for
     *     what was wrong ({@link MalformedReply})
     */
    public static CompletionResult response(JsonNode body, int samples, int topLogprobs, String provider) {
        WireFields fields = new WireFields(provider, "the chat completion");
        ChatCompletion completion;
        try {
            completion = WireJson.MAPPER.treeToValue(fields.object(body), ChatCompletion.class);
        } catch (JacksonException e) {
            throw MalformedReply.fromJson(provider, "the chat completion", e, body);
        }
        List<ChatCompletion.Choice> choices = completion.choices() == null ? List.of() : completion.choices();
        if (choices.isEmpty()) {
            throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY, provider + ": no choices");
        }
        ChatChunkMapper mapper = new ChatChunkMapper(provider, topLogprobs);
        List<CompletionEvent> events = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            ChatCompletion.Choice choice = choices.get(i);
            if (choice == null) {
                throw fields.malformed("has choices[" + i + "] null, expected an object");
            }
            WireFields.sampleIndex(provider, "choice", choice.index(), samples);
            mapper.onChoice(choice.asChunk(), events);
        }
        events.addAll(mapper.onEnd());
        if (completion.usage() != null) {
            events.add(new CompletionEvent.UsageReported(completion.usage().toUsage()));
        }
        CompletionCollector collector = new CompletionCollector(samples);
        events.forEach(collector::onEvent);
        return collector.result();
    }

    /** The model a completion body says answered, or null when it names none. */
    public static @Nullable String model(JsonNode body) {
        return body.path("model").asText(null);
    }
}
