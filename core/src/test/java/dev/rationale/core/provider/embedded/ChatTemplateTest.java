// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.render.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatTemplateTest {
    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.system("Be brief."),
            ChatMessage.user("Hi"), ChatMessage.assistant("Hello."), ChatMessage.user("Why?"));

    @Test
    void llamaCppFormatsARecognisedTemplateAndOpensTheAssistantsTurn() {
        assertThat(ChatTemplate.apply("chatml", MESSAGES)).contains("<|im_start|>system\nBe brief.<|im_end|>\n"
                + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello.<|im_end|>\n"
                + "<|im_start|>user\nWhy?<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void aLongConversationGetsALargerBuffer() {
        List<ChatMessage> long_ = List.of(ChatMessage.user("x".repeat(5000)));

        assertThat(ChatTemplate.apply("chatml", long_)).hasValueSatisfying(text -> assertThat(text).hasSize(5000
                + "<|im_start|>user\n<|im_end|>\n<|im_start|>assistant\n".length()));
    }

    @Test
    void anUnrecognisedTemplateGivesNothing() {
        assertThat(ChatTemplate.apply("{{ something nobody knows }}", MESSAGES)).isEmpty();
    }
}
