// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiChatBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRequestBodyIsTheStreamedOneWithoutStreaming() {
        CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(
                ChatMessage.system("Be brief."), ChatMessage.user("2 + 2?")))).withMaxTokens(16)
                .withStop(List.of("\n\n")).withLogprobs(2).withSamples(3);

        JsonNode body = OpenAiChatBodies.request(request, OpenAiOptions.TokenLimit.MAX_TOKENS);

        assertThat(body.toString()).isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":"
                + "\"Be brief.\"},{\"role\":\"user\",\"content\":\"2 + 2?\"}],\"max_tokens\":16,\"stop\":[\"\\n\\n\"],"
                + "\"n\":3,\"logprobs\":true,\"top_logprobs\":2,\"stream\":false}");
    }

    @Test
    void aWholeCompletionReadsAsTheStreamWouldHaveGivenIt() throws Exception {
        JsonNode body = JSON.readTree("""
                {"object": "chat.completion", "model": "m-2024",
                 "choices": [
                   {"index": 0, "message": {"role": "assistant", "content": "4", "reasoning_content": "2 and 2."},
                    "logprobs": {"content": [{"token": "4", "logprob": -0.1, "bytes": [52],
                      "top_logprobs": [{"token": "4", "logprob": -0.1}, {"token": "5", "logprob": -2.5},
                                       {"token": "3", "logprob": -3.0}]}]},
                    "finish_reason": "stop"},
                   {"index": 1, "message": {"role": "assistant", "content": "Four"}, "finish_reason": "length"}],
                 "usage": {"prompt_tokens": 12, "completion_tokens": 3,
                           "completion_tokens_details": {"reasoning_tokens": 1}}}
                """);

        CompletionResult result = OpenAiChatBodies.response(body, 2, 2, "Batch");

        assertThat(result.samples()).hasSize(2);
        CompletionResult.Sample first = result.first();
        assertThat(first.text()).isEqualTo("4");
        assertThat(first.reasoning()).isEqualTo("2 and 2.");
        assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(first.tokens()).singleElement().satisfies(t -> {
            assertThat(t.text()).isEqualTo("4");
            assertThat(t.logprob()).isEqualTo(-0.1);
            assertThat(t.top()).extracting(a -> a.text()).containsExactly("4", "5");
        });
        assertThat(result.samples().get(1).text()).isEqualTo("Four");
        assertThat(result.samples().get(1).finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.usage()).isEqualTo(new Usage(12, 3, 1));
        assertThat(result.failure()).isNull();
        assertThat(OpenAiChatBodies.model(body)).isEqualTo("m-2024");
    }

    @Test
    void aBodyWithoutChoicesIsMalformed() throws Exception {
        assertThatThrownBy(() -> OpenAiChatBodies.response(JSON.readTree("{\"object\": \"chat.completion\"}"), 1, 0,
                "Batch")).isInstanceOf(ProviderException.class).hasMessage("Batch: no choices")
                .extracting(e -> ((ProviderException) e).kind()).isEqualTo(ProviderException.Kind.MALFORMED_REPLY);
    }
}
