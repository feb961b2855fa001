// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reply schema goes to backends that can hold a reply to it, and is dropped with a notice elsewhere. */
class ReplySchemaCheckTest {
    private static final ObjectNode SHAPE = JsonNodeFactory.instance.objectNode().put("type", "object");
    private static final CompletionRequest REQUEST = CompletionRequest.of("m",
            new RenderedPrompt.Chat(List.of(ChatMessage.user("Grade this.")))).withReplySchema(
            new ReplySchema("judge_score", SHAPE));

    @Test
    void aBackendWithStructuredOutputKeepsTheSchema() {
        RequestCheck.Checked checked = RequestCheck.check(REQUEST,
                Capabilities.builder().chat().structuredOutput().build(), "Ollama");

        assertThat(checked.request().replySchema()).isEqualTo(REQUEST.replySchema());
        assertThat(checked.notices()).isEmpty();
    }

    @Test
    void aBackendWithoutItDropsTheSchemaAndSaysSo() {
        RequestCheck.Checked checked = RequestCheck.check(REQUEST, Capabilities.builder().chat().build(),
                "Anthropic");

        assertThat(checked.request().replySchema()).isNull();
        assertThat(checked.notices()).containsExactly(
                "Anthropic cannot hold a reply to a JSON schema; the prompt alone asks for its shape");
    }

    @Test
    void theSchemaSurvivesDroppingTokenProbabilities() {
        RequestCheck.Checked checked = RequestCheck.check(REQUEST.withLogprobs(3),
                Capabilities.builder().chat().structuredOutput().build(), "Gemini");

        assertThat(checked.request().logprobs()).isFalse();
        assertThat(checked.request().replySchema()).isNotNull();
    }

    @Test
    void theSchemaIsCopiedInAndOut() {
        ObjectNode shape = JsonNodeFactory.instance.objectNode().put("type", "object");
        ReplySchema schema = new ReplySchema("s", shape);
        shape.put("type", "string");
        schema.schema().put("type", "array");

        assertThat(schema.schema().path("type").asText()).isEqualTo("object");
        assertThatThrownBy(() -> new ReplySchema("no spaces", shape)).isInstanceOf(IllegalArgumentException.class);
    }
}
