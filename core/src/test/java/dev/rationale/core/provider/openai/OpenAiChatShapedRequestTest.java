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
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
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
        RenderedPrompt prompt = PromptShaper.shape(ArithmeticSample.draft(ArithmeticSample.variant("cot-8")
                .withShots(2)), provider.intake(MODEL), layout, null);
        server.enqueue(stream(done("{'choices':[{'index':0,'delta':{'content':' 14 + 23 = 37. The answer is 37.'},"
                + "'finish_reason':'stop'}]}")));
        RecordingListener listener = new RecordingListener();

        provider.stream(CompletionRequest.of(MODEL, prompt), listener);

        CompletionResult result = listener.await();
        assertThat(result.first().text()).isEqualTo(" 14 + 23 = 37. The answer is 37.");
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        return JSON.readTree(recorded.getBody().utf8());
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
