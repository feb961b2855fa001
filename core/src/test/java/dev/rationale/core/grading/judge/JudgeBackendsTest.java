// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.anthropic.AnthropicProvider;
import dev.rationale.core.provider.gemini.GeminiProvider;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.llamacpp.LlamaCppProvider;
import dev.rationale.core.provider.ollama.OllamaProvider;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The judge on each backend's own wire: the reply's shape asked with the backend's structured output (Ollama
 * {@code format}, llama.cpp {@code json_schema}, Gemini {@code responseSchema}), or, on Anthropic, which has none,
 * by the prompt and a reply begun with its opening brace.
 */
class JudgeBackendsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "Water boils at 100 degrees Celsius at sea level.";

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Grade judged(CompletionProvider provider, String model) throws InterruptedException {
        Endpoint endpoint = new Endpoint("judge", provider.kind(), server.url("/").toString(), model, null);
        Judges judges = new Judges(e -> provider, () -> List.of(endpoint), (p, e) -> 1, null, null);
        AnswerFormat format = new AnswerFormat(ExtractRule.WHOLE, null, null, null, CompareRule.JUDGE, null,
                new JudgeSpec("judge", null, "States the boiling point.", 1, 5, null), null);
        return judges.grader(format).grade(new GradingInput(new TestCase("c1", Map.of(), "100 °C"),
                "At what temperature does water boil?", ANSWER, new Grade(Verdict.UNGRADED, ANSWER, ANSWER)));
    }

    private RecordedRequest taken(String path) throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request to " + path).isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return recorded;
    }

    private static JsonNode body(RecordedRequest recorded) throws IOException {
        return JSON.readTree(recorded.getBody().utf8());
    }

    private static void assertScoreSchema(JsonNode schema) {
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").path("score").path("type").asText()).isEqualTo("integer");
        assertThat(schema.path("required").toString()).isEqualTo("[\"reason\",\"score\"]");
    }

    @Test
    void ollamaGetsTheSchemaAsItsFormat() throws Exception {
        OllamaProvider provider = new OllamaProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                server.url("/").toString());
        server.enqueue(JudgeWire.ollamaShow());
        server.enqueue(JudgeWire.ollama("{\"reason\": \"Right.\", \"score\": 5}"));

        Grade grade = judged(provider, "qwen3:8b");

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        taken("/api/show");
        JsonNode sent = body(taken("/api/chat"));
        assertScoreSchema(sent.path("format"));
        assertThat(sent.path("options").path("temperature").asDouble(-1)).isZero();
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("user");
    }

    @Test
    void llamaCppGetsTheSchemaAsJsonSchemaOnATemplatedPrompt() throws Exception {
        LlamaCppProvider provider = new LlamaCppProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                server.url("/").toString());
        server.enqueue(JudgeWire.llamaCppProps());
        server.enqueue(JudgeWire.applied("<|im_start|>user\nJUDGE PROMPT<|im_end|>\n<|im_start|>assistant\n"));
        server.enqueue(JudgeWire.llamaCpp("{\"reason\": \"Too vague.\", \"score\": 2}"));

        Grade grade = judged(provider, "judge.gguf");

        assertThat(grade.verdict()).isEqualTo(Verdict.WRONG);
        assertThat(grade.detail().note()).isEqualTo("Too vague.");
        taken("/props");
        JsonNode template = body(taken("/apply-template"));
        assertThat(template.path("messages").get(0).path("content").asText()).contains(ANSWER);
        JsonNode sent = body(taken("/completion"));
        assertScoreSchema(sent.path("json_schema"));
        assertThat(sent.path("prompt").asText()).startsWith("<|im_start|>user\nJUDGE PROMPT");
        assertThat(sent.path("temperature").asDouble(-1)).isZero();
    }

    @Test
    void geminiGetsAResponseSchemaInItsOwnSpelling() throws Exception {
        GeminiProvider provider = new GeminiProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                server.url("/v1beta").toString());
        server.enqueue(JudgeWire.gemini("{\"reason\": \"Right.\", \"score\": 4}"));

        Grade grade = judged(provider, "gemini-2.5-flash");

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        JsonNode config = body(taken("/v1beta/models/gemini-2.5-flash:streamGenerateContent")).path(
                "generationConfig");
        assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
        JsonNode schema = config.path("responseSchema");
        assertThat(schema.path("type").asText()).isEqualTo("OBJECT");
        assertThat(schema.path("properties").path("score").path("type").asText()).isEqualTo("INTEGER");
        assertThat(schema.path("properties").path("reason").path("type").asText()).isEqualTo("STRING");
        assertThat(schema.has("additionalProperties")).isFalse();
        assertThat(config.path("temperature").asDouble(-1)).isZero();
    }

    @Test
    void anthropicHasNoStructuredOutputSoTheReplyIsBegunWithABrace() throws Exception {
        AnthropicProvider provider = new AnthropicProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                server.url("/").toString());
        // The model continues the begun reply: its text lacks the opening brace.
        server.enqueue(JudgeWire.anthropic("\"reason\": \"Right.\", \"score\": 5}"));

        Grade grade = judged(provider, "claude-3-5-haiku");

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(grade.detail().reply()).isEqualTo("{\"reason\": \"Right.\", \"score\": 5}");
        JsonNode sent = body(taken("/v1/messages"));
        JsonNode messages = sent.path("messages");
        assertThat(messages.get(messages.size() - 1).path("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(messages.size() - 1).path("content").toString()).contains("{");
        assertThat(sent.has("response_format")).isFalse();
        assertThat(sent.has("output_format")).isFalse();
    }

    @Test
    void anthropicModelsThatRefuseABegunReplyGetThePromptAlone() throws Exception {
        AnthropicProvider provider = new AnthropicProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                server.url("/").toString());
        server.enqueue(JudgeWire.anthropic("{\"reason\": \"Right.\", \"score\": 5}"));

        Grade grade = judged(provider, "claude-opus-4-6");

        assertThat(grade.verdict()).isEqualTo(Verdict.CORRECT);
        JsonNode messages = body(taken("/v1/messages")).path("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).path("role").asText()).isEqualTo("user");
    }
}
