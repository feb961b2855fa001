// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

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

/** Issue 20's stream reproducers in Gemini's shapes: each ends in words, not a Java exception. */
class GeminiStreamViolationsTest {
    private static final String TEXT = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Par\"}]}}]}\n\n";
    private static final String END = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"is\"}]},"
            + "\"finishReason\":\"STOP\"}]}\n\n";

    @RegisterExtension
    final MockBackend<GeminiProvider> backend = MockBackend.at("/v1beta", GeminiProvider::new);

    private CompletionResult run(String body) throws InterruptedException {
        return StreamReplies.run(backend.server(), backend.provider(), CompletionRequest.of("gemini-2.5-flash",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("Capital of France?")))), body, "text/event-stream");
    }

    @Test
    void dataNullIsAChunkThatIsNull() throws Exception {
        assertThat(malformed(run(TEXT + "data: null\n\n"), "Gemini"))
                .isEqualTo("Gemini: a stream chunk is null, expected a JSON object");
    }

    @Test
    void aNullCandidateIsNamedByItsPosition() throws Exception {
        assertThat(malformed(run("data: {\"candidates\":[null]}\n\n"), "Gemini"))
                .isEqualTo("Gemini: a stream chunk's candidates[0] is null, expected an object");
    }

    @Test
    void aNegativeCandidateIndexIsMalformed() throws Exception {
        assertThat(malformed(run("data: {\"candidates\":[{\"index\":-1,\"content\":{\"parts\":[{\"text\":\"x\"}]}}]}"
                + "\n\n"), "Gemini")).isEqualTo("Gemini: candidate index -1 is negative");
    }

    @Test
    void aCandidateIndexBeyondTheSamplesAskedForIsMalformedNotMapped() throws Exception {
        assertThat(malformed(run(TEXT + "data: {\"candidates\":[{\"index\":5,\"content\":{\"parts\":[{\"text\":"
                + "\"x\"}]}}]}\n\n"), "Gemini")).isEqualTo("Gemini: candidate index 5 but the request asked for 1");
    }

    @Test
    void aWrongContentTypeIsReadAfterANoticeNamingIt() throws Exception {
        CompletionRequest request = CompletionRequest.of("gemini-2.5-flash",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("Capital of France?"))));
        CompletionResult result = StreamReplies.run(backend.server(), backend.provider(), request, TEXT + END,
                "application/json");
        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("Paris");
        assertThat(result.notices()).containsExactly("Gemini: the stream came as Content-Type \"application/json\", "
                + "not text/event-stream; it was read as a stream anyway");
    }

    @Test
    void wrongTypesAndImpossibleLogprobsSayWhatCame() throws Exception {
        assertThat(malformed(run("data: {\"candidates\":[{\"content\":{\"parts\":\"Paris\"}}]}\n\n"), "Gemini"))
                .isEqualTo("Gemini: a stream chunk's parts is the text \"Paris\", expected an array");
        assertThat(malformed(run("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"P\"}]},"
                + "\"logprobsResult\":{\"chosenCandidates\":[{\"token\":\"P\",\"logProbability\":3}]}}]}\n\n"),
                "Gemini")).isEqualTo("Gemini: a token's logprob is 3.0, above 0 (a probability over 1)");
    }
}
