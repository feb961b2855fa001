// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Tokenizer;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exact prompt counts from a llama.cpp server's {@code POST /tokenize}, as the estimate before an evaluation asks. */
class LlamaCppTokenizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final MockBackend<LlamaCppProvider> backend = MockBackend.at("/", LlamaCppProvider::new);

    private static MockResponse json(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
    }

    private JsonNode taken(String path) throws Exception {
        RecordedRequest recorded = backend.server().takeRequest(5, TimeUnit.SECONDS);
        assertThat(recorded).as("a request to " + path).isNotNull();
        assertThat(recorded.getUrl().encodedPath()).isEqualTo(path);
        return JSON.readTree(recorded.getBody().utf8());
    }

    private Tokenizer tokenizer() {
        return backend.provider().tokenizer().orElseThrow();
    }

    @Test
    void aRawPromptIsCountedAsCompletionReadsItWithSpecialTokens() throws Exception {
        backend.server().enqueue(json("{\"tokens\":[1,15043,3186,29991]}"));

        List<Integer> ids = tokenizer().tokenize("", new RenderedPrompt.Text("Hello world!"));

        assertThat(ids).containsExactly(1, 15043, 3186, 29991);
        JsonNode sent = taken("/tokenize");
        assertThat(sent.get("content").asText()).isEqualTo("Hello world!");
        assertThat(sent.get("add_special").asBoolean()).isTrue();
    }

    @Test
    void aChatPromptIsCountedAfterTheServersTemplateWroteIt() throws Exception {
        String applied = "<|im_start|>user\nWhat is 2 + 2?<|im_end|>\n<|im_start|>assistant\n";
        backend.server().enqueue(json(JSON.createObjectNode().put("prompt", applied).toString()));
        backend.server().enqueue(json("{\"tokens\":[{\"id\":151644,\"piece\":\"<|im_start|>\"},{\"id\":872,"
                + "\"piece\":\"user\"}]}"));

        List<Integer> ids = tokenizer().tokenize("", new RenderedPrompt.Chat(List.of(
                ChatMessage.user("What is 2 + 2?"))));

        assertThat(ids).containsExactly(151644, 872);
        assertThat(taken("/apply-template").get("messages").get(0).get("content").asText())
                .isEqualTo("What is 2 + 2?");
        assertThat(taken("/tokenize").get("content").asText()).isEqualTo(applied);
    }

    @Test
    void aReplyWithoutTokensIsAMalformedReplyNamingTheRoute() {
        backend.server().enqueue(json("{\"content\":\"Hello\"}"));
        assertThatThrownBy(() -> tokenizer().tokenize("", new RenderedPrompt.Text("Hello")))
                .isInstanceOf(ProviderException.class)
                .hasMessage("llama.cpp: /tokenize answered without a \"tokens\" list")
                .satisfies(e -> assertThat(((ProviderException) e).kind())
                        .isEqualTo(ProviderException.Kind.MALFORMED_REPLY));

        backend.server().enqueue(json("{\"tokens\":[1,\"two\"]}"));
        assertThatThrownBy(() -> tokenizer().tokenize("", new RenderedPrompt.Text("Hello")))
                .hasMessageContaining("a token that is not an id: \"two\"");
    }

    @Test
    void aServerThatIsNotThereFailsTheCountAsAProviderError() {
        backend.server().enqueue(new MockResponse.Builder().code(404).body("Not Found").build());
        assertThatThrownBy(() -> tokenizer().tokenize("", new RenderedPrompt.Text("Hello")))
                .isInstanceOf(ProviderException.class);
    }
}
