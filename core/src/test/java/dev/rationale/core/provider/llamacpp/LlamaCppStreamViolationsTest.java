// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import static dev.rationale.core.provider.http.StreamReplies.malformed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.http.MockBackend;
import dev.rationale.core.provider.http.StreamReplies;
import dev.rationale.core.render.RenderedPrompt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 20's stream reproducers in llama.cpp's {@code /completion} stream: each ends in words. */
class LlamaCppStreamViolationsTest {
    private static final String TEXT = "data: {\"content\":\" 4\",\"stop\":false}\n\n";
    private static final String STOP = "data: {\"content\":\"\",\"stop\":true,\"stop_type\":\"eos\"}\n\n";

    @RegisterExtension
    final MockBackend<LlamaCppProvider> backend = MockBackend.at("/", LlamaCppProvider::new);

    private CompletionResult run(String body, String contentType) throws InterruptedException {
        return StreamReplies.run(backend.server(), backend.provider(),
                CompletionRequest.of("m", new RenderedPrompt.Text("2+2=")).withLogprobs(2), body, contentType);
    }

    @Test
    void dataNullIsAnEventThatIsNull() throws Exception {
        assertThat(malformed(run(TEXT + "data: null\n\n", "text/event-stream"), "llama.cpp"))
                .isEqualTo("llama.cpp: an event is null, expected a JSON object");
    }

    @Test
    void aNullProbabilityEntryIsNamedByItsPosition() throws Exception {
        assertThat(malformed(run("data: {\"content\":\"x\",\"completion_probabilities\":[null]}\n\n",
                "text/event-stream"), "llama.cpp"))
                .isEqualTo("llama.cpp: an event's completion_probabilities[0] is null, expected an object");
    }

    @Test
    void aProbabilityAboveOneIsMalformed() throws Exception {
        assertThat(malformed(run("data: {\"content\":\"x\",\"completion_probabilities\":[{\"token\":\"x\","
                + "\"prob\":7}]}\n\n", "text/event-stream"), "llama.cpp"))
                .isEqualTo("llama.cpp: a token's probability is not a number from 0 to 1: 7");
    }

    @Test
    void aWrongContentTypeIsReadAfterANoticeNamingIt() throws Exception {
        CompletionResult result = run(TEXT + STOP, "text/plain; charset=utf-8");
        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo(" 4");
        assertThat(result.notices()).containsExactly("llama.cpp: the stream came as Content-Type "
                + "\"text/plain; charset=utf-8\", not text/event-stream; it was read as a stream anyway");
    }
}
