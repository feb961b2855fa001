// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static dev.rationale.core.provider.openai.SseBodies.done;
import static dev.rationale.core.provider.openai.SseBodies.stream;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.http.SentBody;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact body OpenAI's chat endpoint gets for the arithmetic sample's raw-text cot variant, shaped for it. */
class OpenAiChatShapedRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "gpt-4.1-mini";

    private final MockWebServer server = new MockWebServer();
    private OpenAiChatProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), server.url("/v1").toString(),
                OpenAiOptions.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Shapes cot-8 cut to two exemplars as the provider's intake says, streams it and returns the body sent. */
    private JsonNode sent(ChatLayout layout) throws Exception {
        RenderedPrompt prompt = ArithmeticSample.shaped(ArithmeticSample.variant("cot-8").withShots(2),
                provider.intake(MODEL), layout);
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':'" + ArithmeticSample.REPLY + "'},"
                + "'finish_reason':'stop'}]}")));
        return SentBody.of(server, provider, CompletionRequest.of(MODEL, prompt), "/v1/chat/completions",
                ArithmeticSample.REPLY);
    }

    private static ObjectNode body(List<ChatMessage> messages) throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree("""
                {"model": "gpt-4.1-mini", "stream": true, "stream_options": {"include_usage": true}}""");
        ArrayNode list = body.putArray("messages");
        messages.forEach(m -> list.addObject().put("role", m.role().wireName()).put("content", m.content()));
        return body;
    }

    @Test
    void multiTurnSendsTheInstructionAsSystemTheExemplarsAsTurnsAndTheCueAtTheEndOfTheLastUserTurn()
            throws Exception {
        List<ChatMessage> expected = new ArrayList<>(ArithmeticSample.turns(ArithmeticSample.INSTRUCTION, 2));
        expected.add(ChatMessage.user(ArithmeticSample.CASE + "\nA:"));

        assertThat(sent(ChatLayout.MULTI_TURN)).isEqualTo(body(expected));
    }

    @Test
    void singleMessageSendsTheWholeTextLayoutAsOneUserMessage() throws Exception {
        assertThat(sent(ChatLayout.SINGLE_MESSAGE))
                .isEqualTo(body(List.of(ChatMessage.user(ArithmeticSample.fewShotText(null, 2)))));
    }
}
