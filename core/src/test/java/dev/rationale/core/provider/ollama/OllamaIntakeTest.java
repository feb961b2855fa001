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
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    final MockBackend<OllamaProvider> backend = MockBackend.at("/", OllamaProvider::new);

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
        RecordedRequest recorded = backend.server().takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request reached the server").isNotNull();
        return recorded;
    }

    private JsonNode streamed(RenderedPrompt prompt, String path) throws Exception {
        backend.server().enqueue(ndjson(DONE));
        RecordingListener listener = new RecordingListener();
        backend.provider().stream(CompletionRequest.of("llama3.2", prompt), listener);
        assertThat(listener.await().failed()).isFalse();
        RecordedRequest recorded = taken();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return JSON.readTree(recorded.getBody().utf8());
    }

    @Test
    void aModelWithAChatTemplateTakesChatMessagesAndAPrefilledReply() throws Exception {
        backend.server().enqueue(show(LLAMA3_TEMPLATE));

        PromptIntake intake = backend.provider().intake("llama3.2");

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
        backend.server().enqueue(show("{{ .Prompt }}"));

        PromptIntake intake = backend.provider().intake("llama3.2");

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
        backend.server().enqueue(show(" \n"));

        assertThat(backend.provider().intake("llama3.2").template()).isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void eachModelIsAskedAboutOnce() {
        backend.server().enqueue(show(LLAMA3_TEMPLATE));
        backend.server().enqueue(show("{{ .Prompt }}"));

        PromptIntake first = backend.provider().intake("llama3.2");
        PromptIntake base = backend.provider().intake("llama3.2:text");
        PromptIntake again = backend.provider().intake("llama3.2");
        PromptIntake baseAgain = backend.provider().intake("llama3.2:text");

        assertThat(backend.server().getRequestCount()).isEqualTo(2);
        assertThat(again).isEqualTo(first);
        assertThat(baseAgain).isEqualTo(base);
        assertThat(base.template()).isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void anUnknownModelFailsAndIsAskedAgainNextTime() {
        backend.server().enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
                .body("{\"error\":\"model 'nope' not found\"}").build());
        backend.server().enqueue(show(LLAMA3_TEMPLATE));

        assertThatThrownBy(() -> backend.provider().intake("nope")).isInstanceOf(ProviderException.class)
                .satisfies(e -> assertThat(((ProviderException) e).kind())
                        .isEqualTo(ProviderException.Kind.MODEL_NOT_FOUND));
        assertThat(backend.provider().intake("nope").template()).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(backend.server().getRequestCount()).isEqualTo(2);
    }
}
