// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.TemplateThinking;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ArithmeticSample;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import dev.rationale.core.run.RunRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thinking on the embedded engine, with the real engine and stories260K.gguf: copies with a ChatML template that
 * reads {@code enable_thinking} (as Qwen3's does) and one that does not. llama.cpp's template code takes no
 * variables, so off is written as the empty think block such a template writes; reasoning in the output is split
 * off and its tokens counted.
 */
class EmbeddedThinkingTest {
    private static final String CHATML = "{% for message in messages %}"
            + "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}";
    private static final String SWITCHED = CHATML + "{% if enable_thinking is defined and enable_thinking is false %}"
            + "{{ '<think>\\n\\n</think>\\n\\n' }}{% endif %}{% endif %}";
    private static final String PLAIN = CHATML + "{% endif %}";

    @TempDir
    static Path folder;

    private static Path switched;
    private static Path plain;
    private static EmbeddedProvider provider;

    @BeforeAll
    static void start() throws IOException {
        switched = folder.resolve("stories260K-thinking.gguf");
        plain = folder.resolve("stories260K-plain.gguf");
        GgufHeader.copyWithString(TestModels.stories(), switched, "tokenizer.chat_template", SWITCHED);
        GgufHeader.copyWithString(TestModels.stories(), plain, "tokenizer.chat_template", PLAIN);
        provider = new EmbeddedProvider(EmbeddedOptions.defaults(TestModels.folder()).withThreads(1));
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static String shaped(Path model, ThinkingLevel level) {
        RenderedPrompt prompt = RunRequests.shaped(provider, model.toString(), ArithmeticSample.draft("chat-cot-8"),
                ChatLayout.MULTI_TURN, level);
        return ((RenderedPrompt.Text) prompt).prompt();
    }

    @Test
    void offAddsTheEmptyThinkBlockAfterTheAssistantsOpeningOnlyWhereTheTemplateHasTheSwitch() {
        assertThat(shaped(switched, ThinkingLevel.OFF))
                .endsWith("<|im_start|>assistant\n" + TemplateThinking.EMPTY_BLOCK);
        assertThat(shaped(switched, ThinkingLevel.HIGH)).endsWith("<|im_start|>assistant\n");
        assertThat(shaped(plain, ThinkingLevel.OFF)).endsWith("<|im_start|>assistant\n");
    }

    @Test
    void aChatPromptSentAsChatGetsTheSameSwitchAndALevelSaysItIsOnlyOn() {
        RenderedPrompt.Chat chat = new RenderedPrompt.Chat(List.of(ChatMessage.user("Once")));
        CompletionRequest request = CompletionRequest.of(switched.toString(), chat).withMaxTokens(4)
                .withSampling(0.0, null, null, null, null);

        CompletionResult off = TestModels.run(provider, request.withThinking(ThinkingLevel.OFF));
        CompletionResult high = TestModels.run(provider, request.withThinking(ThinkingLevel.HIGH));

        assertThat(off.failed()).isFalse();
        assertThat(off.notices()).isEmpty();
        assertThat(high.notices()).containsExactly("The embedded engine switches thinking only on or off (the chat "
                + "template's enable_thinking), so \"high\" turns it on");
        CompletionResult plainOff = TestModels.run(provider, CompletionRequest.of(plain.toString(), chat)
                .withMaxTokens(2).withThinking(ThinkingLevel.OFF));
        assertThat(plainOff.notices()).containsExactly("stories260K-plain.gguf's chat template has no thinking "
                + "switch, so thinking \"off\" was not applied; the model thinks as it does by default");
    }

    @Test
    void outputAfterAnOpenedThinkBlockIsReasoningWithItsTokensAndTimeCountedApart() {
        CompletionRequest request = TestModels.text("Once upon a time<think>").withMaxTokens(8)
                .withSampling(0.0, null, null, null, null);

        CompletionResult result = TestModels.run(provider, request);

        assertThat(result.failed()).isFalse();
        assertThat(result.first().reasoning()).isNotBlank();
        assertThat(result.first().text()).isEmpty();
        assertThat(result.usage().reasoningTokens()).isEqualTo(8);
        assertThat(result.timings().thinkingMillis()).isNotNull().isPositive();
    }

    @Test
    void outputWithoutAThinkBlockIsAllAnswerWithNoThinkingCount() {
        CompletionResult result = TestModels.run(provider, TestModels.text("Once upon a time").withMaxTokens(8)
                .withSampling(0.0, null, null, null, null));

        assertThat(result.first().reasoning()).isEmpty();
        assertThat(result.first().text()).isNotBlank();
        assertThat(result.usage().reasoningTokens()).isNull();
        assertThat(result.timings().thinkingMillis()).isNull();
    }
}
