// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import static dev.rationale.core.run.RecordedResample.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.llamacpp.LlamaCppProvider;
import dev.rationale.core.provider.ollama.OllamaProvider;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.PromptDraft;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resampling a chat answer on the backends that continue a begun assistant reply besides Anthropic's (tested in
 * {@link ResamplerTest}): Ollama's {@code /api/chat} gets the text before the point as the assistant's reply,
 * without its trailing blank; llama.cpp gets it after the prompt its server's template wrote.
 */
class ResamplePrefillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "7 + 5 = 12, so the answer is 12.";
    private static final ResamplePoint STEP_2 = new ResamplePoint("step 2", "7 + 5 = 12, so the answer is ", -1,
            null);
    /** What a prefilled reply carries: the text before the point without its trailing blank. */
    private static final String PREFIX = "7 + 5 = 12, so the answer is";
    private static final AnswerFormat NUMBER = new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null, null);
    private static final CompletionRequest QUESTION = CompletionRequest.of("m",
            new RenderedPrompt.Chat(List.of(ChatMessage.user("What is 7 + 5?")))).withMaxTokens(50);

    @RegisterExtension
    final MockBackend<OllamaProvider> ollama = MockBackend.at("/", OllamaProvider::new);
    @RegisterExtension
    final MockBackend<LlamaCppProvider> llamaCpp = MockBackend.at("/", LlamaCppProvider::new);

    @Test
    void ollamaGetsThePrefixAsTheLastAssistantMessageOnApiChat() throws Exception {
        Paths server = new Paths(Map.of(
                "/api/show", continuation -> json("{\"template\":\"{{ .Messages }}\",\"details\":{}}"),
                "/api/chat", continuation -> ndjson(" 1" + (2 + continuation) + ".")));
        ollama.server().setDispatcher(server);
        Resampler resampler = new Resampler(ollama.provider(), QUESTION, 0.5, NUMBER, ANSWER);

        assertThat(resampler.route(STEP_2).kind()).isEqualTo(ResampleRoute.Kind.PREFILL);
        RecordedResample outcome = run(resampler, List.of(STEP_2), 2);

        assertThat(outcome.failure).isNull();
        assertThat(outcome.tallies.getFirst().answers()).containsExactlyInAnyOrder("12", "13");
        assertThat(server.bodies("/api/chat")).hasSize(2).allSatisfy(sent -> {
            JsonNode messages = sent.get("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
            assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
            assertThat(messages.get(1).get("content").asText()).isEqualTo(PREFIX);
            assertThat(sent.get("options").get("temperature").asDouble()).isEqualTo(0.5);
        });
    }

    /**
     * llama.cpp takes raw text: a chat prompt is shaped into the server template's text before it runs, so the
     * continuation is that text followed by the text before the point (the route's TEXT_PROMPT, blank kept), which
     * is what a prefilled reply becomes inside the template.
     */
    @Test
    void llamaCppContinuesAChatAnswerAsTheTemplatesTextFollowedByThePrefix() throws Exception {
        String applied = "<|im_start|>user\nWhat is 7 + 5?<|im_end|>\n<|im_start|>assistant\n";
        Paths server = new Paths(Map.of(
                "/props", continuation -> json(JSON.createObjectNode().put("chat_template",
                        "{% for message in messages %}{{ message['content'] }}{% endfor %}").toString()),
                "/apply-template", continuation -> json(JSON.createObjectNode().put("prompt", applied).toString()),
                "/completion", continuation -> new MockResponse.Builder()
                        .setHeader("Content-Type", "text/event-stream")
                        .body("data: {\"content\":\" 1" + (2 + continuation) + ".\",\"stop\":false}\n\n"
                                + "data: {\"content\":\"\",\"stop\":true,\"stop_type\":\"eos\"}\n\n").build()));
        llamaCpp.server().setDispatcher(server);
        LlamaCppProvider provider = llamaCpp.provider();
        RenderedPrompt shaped = PromptShaper.shape(PromptDraft.plain("What is 7 + 5?"), provider.intake("m"), null,
                null);
        Resampler resampler = new Resampler(provider, QUESTION.withPrompt(shaped), 0.5, NUMBER, ANSWER);

        assertThat(resampler.route(STEP_2).kind()).isEqualTo(ResampleRoute.Kind.TEXT_PROMPT);
        RecordedResample outcome = run(resampler, List.of(STEP_2), 2);

        assertThat(outcome.failure).isNull();
        assertThat(outcome.tallies.getFirst().answers()).containsExactlyInAnyOrder("12", "13");
        assertThat(server.bodies("/apply-template")).singleElement().satisfies(sent ->
                assertThat(sent.get("messages")).hasSize(1));
        assertThat(server.bodies("/completion")).hasSize(2).allSatisfy(sent -> {
            assertThat(sent.get("prompt").asText()).isEqualTo(applied + STEP_2.before());
            assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
        });
    }

    // One line with the text, one that ends the answer: what Ollama streams for a short reply.
    private static MockResponse ndjson(String text) {
        String line = "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},\"done\":%s%s}\n";
        return new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson")
                .body(line.formatted(text, "false", "") + line.formatted("", "true", ",\"done_reason\":\"stop\""))
                .build();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    /** Answers by path (the n-th call of a path gets n, from 0) and keeps the JSON bodies each path was sent. */
    private static final class Paths extends Dispatcher {
        private final Map<String, Function<Integer, MockResponse>> replies;
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Queue<RecordedRequest> requests = new ConcurrentLinkedQueue<>();

        Paths(Map<String, Function<Integer, MockResponse>> replies) {
            this.replies = replies;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            requests.add(request);
            String path = request.getUrl().encodedPath();
            Function<Integer, MockResponse> reply = replies.get(path);
            if (reply == null) {
                return new MockResponse.Builder().code(404).build();
            }
            return reply.apply(calls.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement());
        }

        List<JsonNode> bodies(String path) throws IOException {
            List<JsonNode> bodies = new ArrayList<>();
            for (RecordedRequest request : requests) {
                if (request.getUrl().encodedPath().equals(path)) {
                    bodies.add(JSON.readTree(request.getBody().utf8()));
                }
            }
            return bodies;
        }
    }
}
