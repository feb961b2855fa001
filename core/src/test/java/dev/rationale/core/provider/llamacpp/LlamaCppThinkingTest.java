// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.RecordingListener;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A thinking level on a llama.cpp server: the switch travels as {@code chat_template_kwargs} to
 * {@code /apply-template}, which formats the prompt {@code /completion} then continues; levels become on, and a
 * template without the switch says so.
 */
class LlamaCppThinkingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QWEN3 = "{%- if enable_thinking is defined and enable_thinking is false %}"
            + "{{- '<think>\\n\\n</think>\\n\\n' }}{%- endif %}";
    private static final String PLAIN = "{% for message in messages %}{{ message['content'] }}{% endfor %}";
    private static final String APPLIED = "<|im_start|>user\nQ<|im_end|>\n<|im_start|>assistant\n";
    private static final String STREAM = "data: {\"content\":\"<think>add</think>\\n\\n4\",\"stop\":false}\n\n"
            + "data: {\"content\":\"\",\"stop\":true,\"tokens_predicted\":5,\"tokens_evaluated\":9,"
            + "\"stop_type\":\"eos\"}\n\n";

    @RegisterExtension
    final MockBackend<LlamaCppProvider> backend = MockBackend.at("/", LlamaCppProvider::new);

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    private void serve(String template) throws IOException {
        backend.server().enqueue(json(JSON.createObjectNode().put("chat_template", template).toString()));
        backend.server().enqueue(json(JSON.createObjectNode().put("prompt", APPLIED).toString()));
        backend.server().enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(STREAM)
                .build());
    }

    private JsonNode taken(String path) throws Exception {
        RecordedRequest recorded = backend.server().takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request to " + path).isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return recorded.getMethod().equals("GET") ? JSON.createObjectNode()
                : JSON.readTree(recorded.getBody().utf8());
    }

    private CompletionResult run(ThinkingLevel level) throws InterruptedException {
        RenderedPrompt prompt = RunRequests.shaped(backend.provider(), "qwen3", ArithmeticSample.draft("chat-cot-8"),
                ChatLayout.MULTI_TURN, level);
        RecordingListener listener = new RecordingListener();
        backend.provider().stream(CompletionRequest.of("qwen3", prompt).withThinking(level), listener);
        return listener.await();
    }

    @Test
    void offGoesToTheTemplateAsEnableThinkingFalseAndNeedsNoNotice() throws Exception {
        serve(QWEN3);

        CompletionResult result = run(ThinkingLevel.OFF);

        taken("/props");
        JsonNode apply = taken("/apply-template");
        assertThat(apply.get("chat_template_kwargs").toString()).isEqualTo("{\"enable_thinking\":false}");
        assertThat(apply.get("chat_template_kwargs").get("enable_thinking").isBoolean()).isTrue();
        assertThat(taken("/completion").get("prompt").asText()).isEqualTo(APPLIED);
        assertThat(result.notices()).isEmpty();
    }

    @Test
    void aLevelTurnsTheSwitchOnSaysTheLevelIsOnlyOnAndTheThinkingComesApart() throws Exception {
        serve(QWEN3);

        CompletionResult result = run(ThinkingLevel.HIGH);

        taken("/props");
        assertThat(taken("/apply-template").get("chat_template_kwargs").get("enable_thinking").booleanValue())
                .isTrue();
        assertThat(result.notices()).containsExactly("llama.cpp switches thinking only on or off (the chat "
                + "template's enable_thinking), so \"high\" turns it on");
        assertThat(result.first().reasoning()).isEqualTo("add");
        assertThat(result.first().text()).isEqualTo("\n\n4");
    }

    @Test
    void aTemplateWithoutTheSwitchSaysSoOnce() throws Exception {
        serve(PLAIN);

        CompletionResult result = run(ThinkingLevel.OFF);

        assertThat(result.notices()).containsExactly("qwen3's chat template has no thinking switch, so thinking "
                + "\"off\" was not applied; the model thinks as it does by default");
    }
}
