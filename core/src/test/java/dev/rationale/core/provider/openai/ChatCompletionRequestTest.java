// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.ThinkingLevel;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.ReplySchema;
import dev.rationale.core.provider.http.JsonBody;
import dev.rationale.core.provider.http.WireJson;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChatCompletionRequestTest {
    private static final ReplySchema SCHEMA = schema();

    private static ReplySchema schema() {
        ObjectNode shape = JsonNodeFactory.instance.objectNode().put("type", "object");
        shape.putObject("properties").putObject("score").put("type", "integer");
        shape.putArray("required").add("score");
        shape.put("additionalProperties", false);
        return new ReplySchema("judge_score", shape);
    }

    static Stream<ChatCompletionRequest> requests() {
        RenderedPrompt.Chat plain = new RenderedPrompt.Chat(List.of(ChatMessage.user("Q: What is 1 + 3?")));
        RenderedPrompt.Chat awkward = new RenderedPrompt.Chat(List.of(ChatMessage.system("Be \"brief\".\n\t\\"),
                ChatMessage.user("Ünïcødé \u2028 😀 \u0001 </script>"), ChatMessage.assistant("ok")));
        CompletionRequest bare = CompletionRequest.of("bench", plain);
        CompletionRequest full = CompletionRequest.of("gpt-x", awkward).withMaxTokens(16)
                .withSampling(0.1, 1.0, 40, 1e-7, -42L)
                .withStop(List.of("\n\n", "END"))
                .withLogprobs(5).withSamples(3).withThinking(ThinkingLevel.OFF);
        return Stream.of(
                ChatCompletionRequest.of(bare, plain, OpenAiOptions.TokenLimit.MAX_TOKENS),
                ChatCompletionRequest.of(full, awkward, OpenAiOptions.TokenLimit.MAX_TOKENS),
                ChatCompletionRequest.of(full, awkward, OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS),
                ChatCompletionRequest.of(full.withLogprobs(0).withSampling(2.5e10, null, null, null, null), awkward,
                        OpenAiOptions.TokenLimit.MAX_TOKENS),
                ChatCompletionRequest.of(full, awkward, OpenAiOptions.TokenLimit.MAX_TOKENS).unstreamed(),
                ChatCompletionRequest.of(bare.withReplySchema(SCHEMA), plain, OpenAiOptions.TokenLimit.MAX_TOKENS),
                ChatCompletionRequest.of(full.withReplySchema(SCHEMA), awkward, OpenAiOptions.TokenLimit.MAX_TOKENS)
                        .unstreamed());
    }

    @ParameterizedTest
    @MethodSource("requests")
    void writesTheBytesTheWireMappingWrites(ChatCompletionRequest request) throws Exception {
        String own = new String(JsonBody.bytes(request), StandardCharsets.UTF_8);

        // The bytes JsonBody.of(MAPPER, request) sent before the record wrote itself.
        assertThat(own).isEqualTo(new String(WireJson.MAPPER.writeValueAsBytes(request), StandardCharsets.UTF_8));
    }
}
