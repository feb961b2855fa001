// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import static dev.rationale.core.provider.gemini.GeminiSse.events;
import static dev.rationale.core.provider.gemini.GeminiSse.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.SentBody;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.RenderedPrompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The exact body Gemini gets for the arithmetic sample's raw-text cot variant, shaped for it: the instruction as
 * {@code systemInstruction}, turns with roles user and model, no prefilled reply.
 */
class GeminiShapedRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "gemini-2.5-flash";

    @RegisterExtension
    final MockBackend<GeminiProvider> backend = MockBackend.at("/v1beta", GeminiProvider::new);

    private JsonNode sent(ChatLayout layout) throws Exception {
        return sent(MODEL, layout);
    }

    /** Shapes cot-8 cut to two exemplars as the provider's intake says, streams it and returns the body sent. */
    private JsonNode sent(String model, ChatLayout layout) throws Exception {
        RenderedPrompt prompt = ArithmeticSample.shaped(ArithmeticSample.variant("cot-8").withShots(2),
                backend.provider().intake(model), layout);
        backend.server().enqueue(stream(events("{'candidates':[{'content':{'role':'model','parts':[{'text':'"
                + ArithmeticSample.REPLY + "'}]},'finishReason':'STOP'}]}")));
        return SentBody.of(backend.server(), backend.provider(), CompletionRequest.of(model, prompt),
                "/v1beta/models/" + model + ":streamGenerateContent", ArithmeticSample.REPLY);
    }

    private static ObjectNode body(List<ChatMessage> turns) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode contents = body.putArray("contents");
        turns.forEach(m -> contents.addObject().put("role", m.role() == ChatRole.USER ? "user" : "model")
                .putArray("parts").addObject().put("text", m.content()));
        return body;
    }

    @Test
    void multiTurnSendsTheInstructionAsSystemInstructionAndTheExemplarsAsUserAndModelTurns() throws Exception {
        List<ChatMessage> turns = new ArrayList<>(ArithmeticSample.exemplarTurns(2));
        turns.add(ChatMessage.user(ArithmeticSample.CASE + "\nA:"));
        ObjectNode expected = body(turns);
        expected.putObject("systemInstruction").putArray("parts").addObject()
                .put("text", ArithmeticSample.INSTRUCTION);

        assertThat(sent(ChatLayout.MULTI_TURN)).isEqualTo(expected);
    }

    @Test
    void singleMessageSendsTheWholeTextLayoutAsOneUserTurnWithoutSystemInstruction() throws Exception {
        assertThat(sent(ChatLayout.SINGLE_MESSAGE))
                .isEqualTo(body(List.of(ChatMessage.user(ArithmeticSample.fewShotText(null, 2)))));
    }

    @Test
    void aGemmaModelGetsTheInstructionAtTheStartOfTheFirstUserTurnSinceItRefusesSystemInstructions()
            throws Exception {
        List<ChatMessage> turns = new ArrayList<>(ArithmeticSample.exemplarTurns(2));
        turns.set(0, ChatMessage.user(ArithmeticSample.INSTRUCTION + "\n\n" + turns.getFirst().content()));
        turns.add(ChatMessage.user(ArithmeticSample.CASE + "\nA:"));

        assertThat(sent("gemma-3-27b-it", ChatLayout.MULTI_TURN)).isEqualTo(body(turns));
        assertThat(backend.provider().intake("models/gemma-3-12b-it").systemRole()).isFalse();
        assertThat(backend.provider().intake("gemini-2.5-flash").systemRole()).isTrue();
    }
}
