// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every variant of a prompt set runs on a chat-only and on a text-only OpenAI-compatible server: {@code rationale
 * eval} shapes each variant for the backend instead of refusing the ones written in the other shape.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EvalShapesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VARIANTS = 8;
    private static final int CASES = 2;

    private final MockWebServer server = new MockWebServer();
    private final Answers answers = new Answers();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(answers);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyArithmeticVariantRunsOnAChatServerAsChatMessages() throws Exception {
        assertEveryCompletionAnswered(evaluate("openai"));

        assertEveryRequestCarries("messages", JsonNode::isArray, "prompt");
    }

    @Test
    void everyArithmeticVariantRunsOnATextCompletionsServerAsRawText() throws Exception {
        assertEveryCompletionAnswered(evaluate("openai-text"));

        assertEveryRequestCarries("prompt", JsonNode::isTextual, "messages");
    }

    @Test
    void aSingleMessageLayoutSendsEachTextVariantAsOneUserMessage() throws Exception {
        CliRun run = CliRun.of("eval", CliRun.sample("arithmetic.rationale.json").toString(), "--provider", "openai",
                "--base-url", server.url("/v1").toString(), "--model", "m", "--variant", "cot-8", "--variant",
                "chat-cot-8", "--limit", "1", "--chat-layout", "single-message", "--out",
                dir.resolve("out.jsonl").toString(), "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Integer> sizes = answers.bodies().stream().map(body -> body.get("messages").size()).toList();
        // cot-8, written as text, in one message; chat-cot-8 is written as chat and keeps its turns.
        assertThat(sizes).containsExactlyInAnyOrder(1, 18);
    }

    private JsonNode evaluate(String provider) throws IOException {
        Path out = dir.resolve(provider + ".jsonl");
        CliRun run = CliRun.of("eval", CliRun.sample("arithmetic.rationale.json").toString(), "--provider", provider,
                "--base-url", server.url("/v1").toString(), "--model", "m", "--limit", String.valueOf(CASES),
                "--out", out.toString(), "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> records = Files.readAllLines(out);
        assertThat(records).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain("\"status\":\"failed\""));
        return JSON.readTree(run.out());
    }

    private void assertEveryRequestCarries(String field, Predicate<JsonNode> form, String notField) {
        assertThat(answers.bodies()).isNotEmpty().allSatisfy(body -> {
            assertThat(form.test(body.path(field))).as(body.toString()).isTrue();
            assertThat(body.has(notField)).as(body.toString()).isFalse();
        });
    }

    private static void assertEveryCompletionAnswered(JsonNode json) {
        JsonNode cells = json.get("cells");
        assertThat(cells).hasSize(VARIANTS);
        cells.forEach(cell -> {
            assertThat(cell.get("failed").asInt()).as(cell.get("variant").asText()).isZero();
            assertThat(cell.get("cases").asInt()).isEqualTo(CASES);
        });
    }

    /**
     * Answers every completion request, chat or text, with a short stream, one choice for each of the {@code n}
     * samples asked for; records each request's body.
     */
    private static final class Answers extends Dispatcher {
        private final List<JsonNode> bodies = new ArrayList<>();

        synchronized List<JsonNode> bodies() {
            return List.copyOf(bodies);
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonNode body = parsed(request);
            synchronized (this) {
                bodies.add(body);
            }
            boolean chat = request.getUrl().encodedPath().endsWith("/chat/completions");
            StringBuilder events = new StringBuilder();
            for (int i = 0; i < body.path("n").asInt(1); i++) {
                String choice = chat ? "\"delta\":{\"content\":\"The answer is 5.\"}" : "\"text\":\"The answer is 5.\"";
                events.append("data: {\"choices\":[{\"index\":").append(i).append(',').append(choice)
                        .append(",\"finish_reason\":\"stop\"}]}\n\n");
            }
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body(events + "data: [DONE]\n\n").build();
        }

        // The client under test always sends JSON; anything else fails the test where it happens.
        private static JsonNode parsed(RecordedRequest request) {
            try {
                return JSON.readTree(request.getBody().utf8());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
