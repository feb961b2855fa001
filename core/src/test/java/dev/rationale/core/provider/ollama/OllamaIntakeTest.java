// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whether an Ollama model has a chat template, asked once per model with {@code POST /api/show}. */
class OllamaIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Llama 3's Modelfile template as {@code /api/show} returns it. */
    private static final String LLAMA3_TEMPLATE = """
            {{ if .System }}<|start_header_id|>system<|end_header_id|>

            {{ .System }}<|eot_id|>{{ end }}{{ if .Prompt }}<|start_header_id|>user<|end_header_id|>

            {{ .Prompt }}<|eot_id|>{{ end }}<|start_header_id|>assistant<|end_header_id|>

            {{ .Response }}<|eot_id|>""";
    private static final String DONE = "{\"model\":\"m\",\"response\":\"\",\"message\":{\"role\":\"assistant\","
            + "\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n";

    private final MockWebServer server = new MockWebServer();
    private OllamaProvider provider;

    @BeforeEach
    void start() throws IOException {
        server.start();
        provider = new OllamaProvider(TestHttp.client(new TestHttp.FakeSleeper()), server.url("/").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse show(String template) {
        ObjectNode body = JSON.createObjectNode().put("modelfile", "FROM /models/blob\n").put("template", template)
                .put("parameters", "stop \"<|eot_id|>\"");
        body.putObject("details").put("family", "llama").put("parameter_size", "3.2B");
        body.putArray("capabilities").add("completion");
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private static MockResponse ndjson(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/x-ndjson").body(body).build();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private JsonNode streamed(RenderedPrompt prompt, String path) throws Exception {
        server.enqueue(ndjson(DONE));
        RecordingListener listener = new RecordingListener();
        provider.stream(CompletionRequest.of("llama3.2", prompt), listener);
        assertThat(listener.await().failed()).isFalse();
        RecordedRequest recorded = taken();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void aModelWithAChatTemplateTakesChatMessagesAndAPrefilledReply() throws Exception {
        server.enqueue(show(LLAMA3_TEMPLATE));

        PromptIntake intake = provider.intake("llama3.2");

        RecordedRequest asked = taken();
        assertThat(asked.getMethod()).isEqualTo("POST");
        assertThat(asked.getUrl().encodedPath()).isEqualTo("/api/show");
        assertThat(JSON.readTree(asked.getBody().utf8())).isEqualTo(JSON.readTree("{\"model\":\"llama3.2\"}"));
        assertThat(intake.template()).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(intake.chat()).isTrue();
        assertThat(intake.prefill()).isTrue();
        assertThat(intake.formatter()).isNull();

        RenderedPrompt prompt = PromptShaper.shape(ArithmeticSample.draft("zero-shot-cot"), intake,
                ChatLayout.MULTI_TURN, null);
        JsonNode chat = streamed(prompt, "/api/chat");
        assertThat(chat.get("messages")).isEqualTo(JSON.valueToTree(List.of(
                Map.of("role", "system", "content", ArithmeticSample.INSTRUCTION),
                Map.of("role", "user", "content", ArithmeticSample.CASE),
                Map.of("role", "assistant", "content", "A: " + ArithmeticSample.TRIGGER))));
    }

    @Test
    void aModelWhoseTemplateOnlyPassesThePromptThroughIsABaseModelAndGetsTheTextUnchanged() throws Exception {
        server.enqueue(show("{{ .Prompt }}"));

        PromptIntake intake = provider.intake("llama3.2");

        assertThat(intake.template()).isEqualTo(PromptIntake.Template.ABSENT);
        assertThat(intake.chat()).isFalse();
        taken();
        RenderedPrompt prompt = PromptShaper.shape(ArithmeticSample.draft("cot-8"), intake, ChatLayout.MULTI_TURN,
                null);
        assertThat(prompt).isEqualTo(ArithmeticSample.draft("cot-8").asWritten());
        JsonNode generate = streamed(prompt, "/api/generate");
        assertThat(generate.get("prompt").asText()).isEqualTo(ArithmeticSample.fewShotText(null, 8));
        assertThat(generate.get("raw").asBoolean()).isTrue();
    }

    @Test
    void aModelWithAnEmptyTemplateIsABaseModel() {
        server.enqueue(show(" \n"));

        assertThat(provider.intake("llama3.2").template()).isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void eachModelIsAskedAboutOnce() {
        server.enqueue(show(LLAMA3_TEMPLATE));
        server.enqueue(show("{{ .Prompt }}"));

        PromptIntake first = provider.intake("llama3.2");
        PromptIntake base = provider.intake("llama3.2:text");
        PromptIntake again = provider.intake("llama3.2");
        PromptIntake baseAgain = provider.intake("llama3.2:text");

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(again).isEqualTo(first);
        assertThat(baseAgain).isEqualTo(base);
        assertThat(base.template()).isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void anUnknownModelFailsAndIsAskedAgainNextTime() {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                .body("{\"error\":\"model 'nope' not found\"}").build());
        server.enqueue(show(LLAMA3_TEMPLATE));

        assertThatThrownBy(() -> provider.intake("nope")).isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).kind())
                        .isEqualTo(ProviderException.Kind.MODEL_NOT_FOUND));
        assertThat(provider.intake("nope").template()).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }
}
