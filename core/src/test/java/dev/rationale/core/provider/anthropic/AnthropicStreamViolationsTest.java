// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.anthropic;

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

/** Issue 20's stream reproducers in Anthropic's named events: each ends in words, not a Java exception. */
class AnthropicStreamViolationsTest {
    private static final String TEXT = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
            + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"391\"}}\n\n";
    private static final String STOP = "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    @RegisterExtension
    final MockBackend<AnthropicProvider> backend = MockBackend.at("/", AnthropicProvider::new);

    private CompletionResult run(String body, String contentType) throws InterruptedException {
        return StreamReplies.run(backend.server(), backend.provider(), CompletionRequest.of("claude-sonnet-4-5",
                new RenderedPrompt.Chat(List.of(ChatMessage.user("17*23?")))), body, contentType);
    }

    @Test
    void dataNullIsAnEventThatIsNull() throws Exception {
        assertThat(malformed(run(TEXT + "event: content_block_delta\ndata: null\n\n", "text/event-stream"),
                "Anthropic")).isEqualTo("Anthropic: a stream event is null, expected a JSON object");
    }

    @Test
    void aDeltaOfTheWrongTypeSaysWhatCame() throws Exception {
        assertThat(malformed(run("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":{\"type\":\"text_delta\",\"text\":[\"391\"]}}\n\n", "text/event-stream"), "Anthropic"))
                .isEqualTo("Anthropic: a stream event's text is an array, expected text");
        assertThat(malformed(run("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
                + "\"delta\":null}\n\n" + "event: content_block_start\ndata: {\"content_block\":7}\n\n",
                "text/event-stream"), "Anthropic"))
                .isEqualTo("Anthropic: a stream event's content_block is the number 7, expected an object");
    }

    @Test
    void aWrongContentTypeIsReadAfterANoticeNamingIt() throws Exception {
        CompletionResult result = run(TEXT + STOP, "application/json");
        assertThat(result.failed()).isFalse();
        assertThat(result.first().text()).isEqualTo("391");
        assertThat(result.notices()).containsExactly("Anthropic: the stream came as Content-Type "
                + "\"application/json\", not text/event-stream; it was read as a stream anyway");
    }
}
