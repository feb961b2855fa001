// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.PromptIntake;
import dev.rationale.core.render.PromptShaper;
import dev.rationale.core.render.RenderedPrompt;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whether a llama.cpp server's model has a chat template ({@code GET /props}), and chat prompts formatted by the
 * server's {@code POST /apply-template} before they go to the raw-text {@code /completion}.
 */
class LlamaCppIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + "
            + "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";
    /** What the server answers to /apply-template here; the client must pass it on untouched. */
    private static final String APPLIED = "<|im_start|>system\nsystem text<|im_end|>\n<|im_start|>assistant\n";
    private static final String STOP = "data: {\"content\":\"\",\"stop\":true,\"tokens_predicted\":0,"
            + "\"tokens_evaluated\":9,\"stop_type\":\"eos\"}\n\n";

    @RegisterExtension
    final MockBackend<LlamaCppProvider> backend = MockBackend.at("/", LlamaCppProvider::new);

    private static MockResponse json(JsonNode body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body.toString()).build();
    }

    private static MockResponse props(@Nullable String chatTemplate) {
        ObjectNode body = JSON.createObjectNode().put("model_path", "/models/qwen2.5-0.5b-instruct-q4_k_m.gguf")
                .put("total_slots", 1);
        if (chatTemplate != null) {
            body.put("chat_template", chatTemplate);
        }
        body.putObject("default_generation_settings").put("n_ctx", 4096);
        return json(body);
    }

    private RecordedRequest taken(String path) throws InterruptedException {
        RecordedRequest recorded = backend.server().takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request to " + path).isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return recorded;
    }

    private static JsonNode bodyOf(RecordedRequest recorded) throws IOException {
        return JSON.readTree(recorded.getBody().utf8());
    }

    /** Streams the prompt to /completion and returns the prompt that went there. */
    private String completed(RenderedPrompt prompt) throws Exception {
        backend.server().enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(STOP)
                .build());
        RecordingListener listener = new RecordingListener();
        backend.provider().stream(CompletionRequest.of("", prompt), listener);
        assertThat(listener.await().failed()).isFalse();
        return bodyOf(taken("/completion")).get("prompt").asText();
    }

    @Test
    void aChatVariantIsFormattedByTheServersTemplateAndSentToCompletionAsItsPrompt() throws Exception {
        backend.server().enqueue(props(CHATML));
        backend.server().enqueue(json(JSON.createObjectNode().put("prompt", APPLIED)));
        PromptIntake intake = backend.provider().intake("");

        RenderedPrompt prompt = PromptShaper.shape(ArithmeticSample.draft(ArithmeticSample.variant("chat-cot-8")
                .withShots(1)), intake, ChatLayout.MULTI_TURN, null);

        assertThat(intake.template()).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(taken("/props").getMethod()).isEqualTo("GET");
        RecordedRequest apply = taken("/apply-template");
        assertThat(apply.getMethod()).isEqualTo("POST");
        ArithmeticSample.Shot shot = ArithmeticSample.SHOTS.getFirst();
        assertThat(bodyOf(apply)).isEqualTo(JSON.valueToTree(Map.of("messages", List.of(
                Map.of("role", "system", "content", ArithmeticSample.TUTOR + "\n\n" + ArithmeticSample.INSTRUCTION),
                Map.of("role", "user", "content", shot.input()),
                Map.of("role", "assistant", "content", shot.output()),
                Map.of("role", "user", "content", ArithmeticSample.CASE)))));
        assertThat(prompt).isEqualTo(new RenderedPrompt.Text(APPLIED,
                "formatted by the server's model's chat template"));
        assertThat(completed(prompt)).isEqualTo(APPLIED);
    }

    @Test
    void aPrefilledReplyFollowsTheTemplatesOpeningOfTheAssistantTurn() throws Exception {
        backend.server().enqueue(props(CHATML));
        backend.server().enqueue(json(JSON.createObjectNode().put("prompt", APPLIED)));

        RenderedPrompt prompt = PromptShaper.shape(ArithmeticSample.draft("zero-shot-cot"),
                backend.provider().intake("qwen2.5"), ChatLayout.MULTI_TURN, null);

        taken("/props");
        assertThat(bodyOf(taken("/apply-template"))).isEqualTo(JSON.valueToTree(Map.of("messages", List.of(
                Map.of("role", "system", "content", ArithmeticSample.INSTRUCTION),
                Map.of("role", "user", "content", ArithmeticSample.CASE)))));
        assertThat(completed(prompt)).isEqualTo(APPLIED + "A: " + ArithmeticSample.TRIGGER);
    }

    @Test
    void withoutAChatTemplateTheModelIsABaseModelAndATextVariantGoesUnchanged() throws Exception {
        backend.server().enqueue(props(null));

        PromptIntake intake = backend.provider().intake("");
        RenderedPrompt prompt = PromptShaper.shape(ArithmeticSample.draft("cot-8"), intake, ChatLayout.MULTI_TURN,
                null);

        assertThat(intake.template()).isEqualTo(PromptIntake.Template.ABSENT);
        taken("/props");
        assertThat(completed(prompt)).isEqualTo(ArithmeticSample.fewShotText(null, 8));
        assertThat(backend.server().getRequestCount()).as("no /apply-template").isEqualTo(2);
    }

    /**
     * A llama.cpp server reports its built-in ChatML template for a model without one (common/chat.cpp falls back
     * to it), and the same when started with {@code --chat-template chatml}: whether the model has a template is
     * then unknown, so each variant goes as written, a chat one through the template the server applies.
     */
    @Test
    void theServersChatMlFallbackLeavesTheTemplateUnknownAndEachVariantGoesAsWritten() throws Exception {
        String fallback = "{%- for message in messages -%}\n"
                + "  {{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' -}}\n"
                + "{%- endfor -%}\n"
                + "{%- if add_generation_prompt -%}\n"
                + "  {{- '<|im_start|>assistant\\n' -}}\n"
                + "{%- endif -%}";
        backend.server().enqueue(props(fallback));

        PromptIntake intake = backend.provider().intake("");
        RenderedPrompt text = PromptShaper.shape(ArithmeticSample.draft("cot-8"), intake, ChatLayout.MULTI_TURN,
                null);

        assertThat(intake.template()).isEqualTo(PromptIntake.Template.UNKNOWN);
        assertThat(intake.takesChat()).isTrue();
        assertThat(text).isEqualTo(new RenderedPrompt.Text(ArithmeticSample.fewShotText(null, 8)));
        backend.server().enqueue(json(JSON.createObjectNode().put("prompt", APPLIED)));
        RenderedPrompt chat = PromptShaper.shape(ArithmeticSample.draft("chat-cot-8"), intake,
                ChatLayout.MULTI_TURN, null);
        assertThat(chat).isInstanceOf(RenderedPrompt.Text.class);
        assertThat(((RenderedPrompt.Text) chat).prompt()).isEqualTo(APPLIED);
        taken("/props");
        taken("/apply-template");
    }

    @Test
    void aModelsOwnChatMlTemplateCountsAsATemplateOnlyTheServersFallbackDoesNot() {
        assertThat(LlamaCppTemplates.of(CHATML)).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(LlamaCppTemplates.of("{% for message in messages %}{{ '<|im_start|>' + message.role + '\\n' + "
                + "message.content + '<|im_end|>\\n' }}{% endfor %}{% if add_generation_prompt %}"
                + "{{ '<|im_start|>assistant\\n' }}{% endif %}\n")).isEqualTo(PromptIntake.Template.UNKNOWN);
        assertThat(LlamaCppTemplates.of(" \n")).isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void anEmptyChatTemplateCountsAsNone() {
        backend.server().enqueue(props(""));

        assertThat(backend.provider().intake("").template()).isEqualTo(PromptIntake.Template.ABSENT);
    }

    @Test
    void theServerIsAskedOnce() {
        backend.server().enqueue(props(CHATML));

        backend.provider().intake("");
        backend.provider().intake("");
        PromptIntake again = backend.provider().intake("qwen2.5");

        assertThat(backend.server().getRequestCount()).isEqualTo(1);
        assertThat(again.template()).isEqualTo(PromptIntake.Template.PRESENT);
        assertThat(again.model()).isEqualTo("qwen2.5");
    }
}
