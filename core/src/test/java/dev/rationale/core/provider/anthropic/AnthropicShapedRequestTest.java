// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

import static dev.rationale.core.provider.anthropic.AnthropicSse.stream;
import static dev.rationale.core.provider.anthropic.AnthropicSse.textReply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.SentBody;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact body Anthropic gets for the arithmetic sample's raw-text variants, shaped for the model: the
 * instruction as the top-level {@code system}, the reply's start prefilled before Claude 4.6 and ending the last
 * user turn from 4.6 on, which refuses prefill.
 */
class AnthropicShapedRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFILLED = "claude-sonnet-4-5";
    private static final String UNPREFILLED = "claude-opus-4-6";

    @RegisterExtension
    final MockBackend<AnthropicProvider> backend = MockBackend.at("/", AnthropicProvider::new);

    private static Variant cot2() {
        return ArithmeticSample.variant("cot-8").withShots(2);
    }

    /** Shapes the variant as the provider's intake for the model says, streams it and returns the body sent. */
    private JsonNode sent(Variant variant, String model, ChatLayout layout) throws Exception {
        RenderedPrompt prompt = ArithmeticSample.shaped(variant, backend.provider().intake(model), layout);
        backend.server().enqueue(stream(textReply(ArithmeticSample.REPLY)));
        return SentBody.of(backend.server(), backend.provider(), CompletionRequest.of(model, prompt), "/v1/messages",
                ArithmeticSample.REPLY);
    }

    /** The body: model, the default token limit, the system text when there is one, the turns, streaming. */
    private static ObjectNode body(String model, @Nullable String system, List<ChatMessage> turns) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", 4096);
        if (system != null) {
            body.put("system", system);
        }
        ArrayNode list = body.putArray("messages");
        turns.forEach(m -> list.addObject().put("role", m.role().wireName()).put("content", m.content()));
        return body.put("stream", true);
    }

    private static ObjectNode twoShots(String model, ChatMessage... last) {
        List<ChatMessage> turns = new ArrayList<>(ArithmeticSample.exemplarTurns(2));
        turns.addAll(List.of(last));
        return body(model, ArithmeticSample.INSTRUCTION, turns);
    }

    @Test
    void multiTurnBeforeClaude46PrefillsTheCueAsTheLastAssistantTurn() throws Exception {
        assertThat(sent(cot2(), PREFILLED, ChatLayout.MULTI_TURN)).isEqualTo(twoShots(PREFILLED,
                ChatMessage.user(ArithmeticSample.CASE), ChatMessage.assistant("A:")));
    }

    @Test
    void multiTurnFromClaude46PutsTheCueAtTheEndOfTheLastUserTurn() throws Exception {
        assertThat(sent(cot2(), UNPREFILLED, ChatLayout.MULTI_TURN)).isEqualTo(twoShots(UNPREFILLED,
                ChatMessage.user(ArithmeticSample.CASE + "\nA:")));
    }

    @Test
    void theZeroShotTriggerIsPrefilledAfterTheCueBeforeClaude46AndEndsTheQuestionFrom46On() throws Exception {
        Variant zeroShot = ArithmeticSample.variant("zero-shot-cot");
        String trigger = "A: " + ArithmeticSample.TRIGGER;

        assertThat(sent(zeroShot, PREFILLED, ChatLayout.MULTI_TURN)).isEqualTo(body(PREFILLED,
                ArithmeticSample.INSTRUCTION,
                List.of(ChatMessage.user(ArithmeticSample.CASE), ChatMessage.assistant(trigger))));
        assertThat(sent(zeroShot, UNPREFILLED, ChatLayout.MULTI_TURN)).isEqualTo(body(UNPREFILLED,
                ArithmeticSample.INSTRUCTION, List.of(ChatMessage.user(ArithmeticSample.CASE + "\n" + trigger))));
    }

    @Test
    void singleMessageSendsTheWholeTextLayoutAsOneUserTurnWithoutSystemOnEitherModel() throws Exception {
        for (String model : List.of(PREFILLED, UNPREFILLED)) {
            assertThat(sent(cot2(), model, ChatLayout.SINGLE_MESSAGE)).as(model).isEqualTo(body(model, null,
                    List.of(ChatMessage.user(ArithmeticSample.fewShotText(null, 2)))));
        }
    }
}
