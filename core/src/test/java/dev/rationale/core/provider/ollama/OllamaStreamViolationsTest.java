// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import static dev.rationale.core.provider.http.StreamReplies.malformed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.StreamReplies;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 20's stream reproducers in Ollama's NDJSON: each ends in words, not a Java exception. */
class OllamaStreamViolationsTest {
    private static final String NDJSON = "application/x-ndjson";
    private static final String TEXT = "{\"message\":{\"role\":\"assistant\",\"content\":\" 4\"},\"done\":false}\n";
    private static final String DONE = "{\"message\":{\"content\":\"\"},\"done\":true,\"done_reason\":\"stop\"}\n";

    @RegisterExtension
    final MockBackend<OllamaProvider> backend = MockBackend.at("/", OllamaProvider::new);

    private CompletionResult run(String body, String contentType) throws InterruptedException {
        return StreamReplies.run(backend.server(), backend.provider(), CompletionRequest.of("qwen3:8b",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("2+2?")))).withLogprobs(2), body, contentType);
    }

    @Test
    void aNullLineIsALineThatIsNull() throws Exception {
        assertThat(malformed(run(TEXT + "null\n", NDJSON), "Ollama"))
                .isEqualTo("Ollama: a line is null, expected a JSON object");
    }

    @Test
    void aNullLogprobEntryIsNamedByItsPosition() throws Exception {
        assertThat(malformed(run("{\"message\":{\"content\":\"x\"},\"logprobs\":[null]}\n", NDJSON), "Ollama"))
                .isEqualTo("Ollama: a line's logprobs[0] is null, expected an object");
    }

    @Test
    void aLineThatIsNotJsonSaysSo() throws Exception {
        assertThat(malformed(run(TEXT + "<html>\n" + DONE, NDJSON), "Ollama")).startsWith("Ollama: a line is not JSON");
    }

    @Test
    void wrongTypesAndImpossibleLogprobsSayWhatCame() throws Exception {
        assertThat(malformed(run("{\"message\":{\"content\":{\"text\":\"4\"}},\"done\":false}\n", NDJSON), "Ollama"))
                .isEqualTo("Ollama: a line's content is an object, expected text");
        assertThat(malformed(run("{\"message\":{\"content\":\"4\"},\"logprobs\":[{\"token\":\"4\",\"logprob\":"
                + "\"high\"}]}\n", NDJSON), "Ollama")).isEqualTo("Ollama: a token's logprob is not a number: \"high\"");
    }

    @Test
    void aWrongContentTypeIsReadAfterANoticeNamingIt() throws Exception {
        CompletionResult result = run(TEXT + DONE, "text/html");
        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo(" 4");
        assertThat(result.notices()).containsExactly("Ollama: the stream came as Content-Type \"text/html\", not "
                + "application/x-ndjson; it was read as a stream anyway");
    }
}
