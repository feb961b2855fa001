// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptShape;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What {@link PromptShaper} sends of the arithmetic sample set's variants to each kind of backend: the expected
 * prompts are written out here in full, from the sample file's text, not computed by the code under test.
 */
class PromptShaperTest {
    private static final String INSTRUCTION = ArithmeticSample.INSTRUCTION;
    private static final String TUTOR = ArithmeticSample.TUTOR;
    private static final String CASE = ArithmeticSample.CASE;
    private static final String TRIGGER = ArithmeticSample.TRIGGER;

    /** A stand-in for a model's chat template: a role line, the content, and the assistant's opening at the end. */
    private static final ChatFormatter TAGS = messages -> messages.stream()
            .map(m -> "<|" + m.role().wireName() + "|>\n" + m.content() + "\n")
            .collect(Collectors.joining()) + "<|assistant|>\n";

    private static PromptDraft draft(String variantId) {
        return ArithmeticSample.draft(variantId);
    }

    private static RenderedPrompt shape(String variantId, PromptIntake intake, ChatLayout layout) {
        return PromptShaper.shape(draft(variantId), intake, layout, null);
    }

    /** The eight exemplars as user and assistant turns, after the system message. */
    private static List<ChatMessage> opening(String system) {
        return ArithmeticSample.turns(system, 8);
    }

    private static List<ChatMessage> with(List<ChatMessage> head, ChatMessage... tail) {
        List<ChatMessage> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** The raw-text layout of cot-8, from any system text to the cue. */
    private static String cot8Text(@Nullable String system) {
        return ArithmeticSample.fewShotText(system, 8);
    }

    @Test
    void aFewShotTextVariantBecomesTurnsWithTheCueEndingTheLastUserTurnWhereNoReplyCanBePrefilled() {
        RenderedPrompt shaped = shape("cot-8", PromptIntake.chatOnly("OpenAI", "gpt-4.1-mini", false),
                ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                with(opening(INSTRUCTION), ChatMessage.user(CASE + "\nA:")),
                "sent as 18 chat messages: multi-turn few-shot"));
    }

    @Test
    void aFewShotTextVariantBecomesTurnsWithTheCueStartingTheReplyWhereTheBackendContinuesIt() {
        RenderedPrompt shaped = shape("cot-8", PromptIntake.chatOnly("Anthropic", "claude-sonnet-4-5", true),
                ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                with(opening(INSTRUCTION), ChatMessage.user(CASE), ChatMessage.assistant("A:")),
                "sent as 19 chat messages: multi-turn few-shot, the reply starts with \"A:\""));
    }

    @Test
    void aFewShotTextVariantInTheSingleMessageLayoutIsItsWholeTextInOneUserMessage() {
        for (boolean prefill : List.of(false, true)) {
            RenderedPrompt shaped = shape("cot-8", PromptIntake.chatOnly("Gemini", "gemini-2.5-flash", prefill),
                    ChatLayout.SINGLE_MESSAGE);

            assertThat(shaped).as("prefill " + prefill).isEqualTo(new RenderedPrompt.Chat(
                    List.of(ChatMessage.user(cot8Text(null))), "sent as 1 chat message: single message"));
        }
    }

    @Test
    void theZeroShotTriggerFollowsTheCueAtTheEndOfTheQuestionWhereNoReplyCanBePrefilled() {
        RenderedPrompt shaped = shape("zero-shot-cot", PromptIntake.chatOnly("OpenAI", "gpt-4.1-mini", false),
                ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.system(INSTRUCTION), ChatMessage.user(CASE + "\nA: " + TRIGGER)),
                "sent as 2 chat messages: multi-turn few-shot"));
    }

    @Test
    void theZeroShotTriggerStartsThePrefilledReplyAfterTheCue() {
        RenderedPrompt shaped = shape("zero-shot-cot", PromptIntake.chatOnly("Anthropic", "claude-sonnet-4-5", true),
                ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.system(INSTRUCTION), ChatMessage.user(CASE),
                        ChatMessage.assistant("A: " + TRIGGER)),
                "sent as 3 chat messages: multi-turn few-shot, the reply starts with \"A: " + TRIGGER + "\""));
    }

    @Test
    void theZeroShotTriggerInTheSingleMessageLayoutEndsTheOneMessage() {
        RenderedPrompt shaped = shape("zero-shot-cot", PromptIntake.chatOnly("Anthropic", "claude-opus-4-6", false),
                ChatLayout.SINGLE_MESSAGE);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.user(INSTRUCTION + "\n\n" + CASE + "\nA: " + TRIGGER)),
                "sent as 1 chat message: single message"));
    }

    @Test
    void aChatVariantGoesToAChatOnlyBackendAsWritten() {
        RenderedPrompt shaped = shape("chat-cot-8", PromptIntake.chatOnly("Anthropic", "claude-sonnet-4-5", true),
                ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                with(opening(TUTOR + "\n\n" + INSTRUCTION), ChatMessage.user(CASE))));
        assertThat(shaped).isEqualTo(draft("chat-cot-8").asWritten());
    }

    @Test
    void aChatVariantGoesToATextOnlyBackendInItsTextLayoutWithANote() {
        RenderedPrompt shaped = shape("chat-cot-8", PromptIntake.textOnly("OpenAI completions", "davinci-002"),
                ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Text(cot8Text(TUTOR),
                "sent as raw text in the variant's text layout: OpenAI completions takes raw text only"));
    }

    @Test
    void aBaseModelGetsRawTextAndAChatVariantThereSaysWhy() {
        PromptIntake base = PromptIntake.baseModel("llama.cpp", "stories260K.gguf");

        assertThat(shape("cot-8", base, ChatLayout.MULTI_TURN)).isEqualTo(new RenderedPrompt.Text(cot8Text(null)));
        assertThat(shape("zero-shot-cot", base, ChatLayout.MULTI_TURN))
                .isEqualTo(new RenderedPrompt.Text(INSTRUCTION + "\n\n" + CASE + "\nA: " + TRIGGER));
        assertThat(shape("chat-cot-8", base, ChatLayout.MULTI_TURN)).isEqualTo(new RenderedPrompt.Text(cot8Text(TUTOR),
                "sent as raw text in the variant's text layout: stories260K.gguf has no chat template"));
    }

    @Test
    void aTemplatedModelOnATextWireGetsTheMessagesFormattedByItsTemplateWithThePrefillAfterTheOpening() {
        PromptIntake templated = PromptIntake.templated("llama.cpp", "qwen3-8b.gguf", TAGS);

        RenderedPrompt shaped = shape("zero-shot-cot", templated, ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Text(
                "<|system|>\n" + INSTRUCTION + "\n<|user|>\n" + CASE + "\n<|assistant|>\nA: " + TRIGGER,
                "sent as 3 chat messages: multi-turn few-shot, the reply starts with \"A: " + TRIGGER
                        + "\"; formatted by qwen3-8b.gguf's chat template"));
    }

    @Test
    void aChatVariantOnATemplatedTextWireIsFormattedAsWrittenAndSaysWhoFormattedIt() {
        PromptIntake templated = PromptIntake.templated("llama.cpp", "qwen3-8b.gguf", TAGS);

        RenderedPrompt shaped = shape("chat-cot-8", templated, ChatLayout.MULTI_TURN);

        String expected = TAGS.format(with(opening(TUTOR + "\n\n" + INSTRUCTION), ChatMessage.user(CASE)));
        assertThat(shaped).isEqualTo(new RenderedPrompt.Text(expected,
                "formatted by qwen3-8b.gguf's chat template"));
    }

    @Test
    void aTemplatedModelWhoseServerAppliesTheTemplateGetsChatMessages() {
        PromptIntake templated = PromptIntake.templated("Ollama", "llama3.2", null);

        RenderedPrompt shaped = shape("zero-shot-cot", templated, ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.system(INSTRUCTION), ChatMessage.user(CASE),
                        ChatMessage.assistant("A: " + TRIGGER)),
                "sent as 3 chat messages: multi-turn few-shot, the reply starts with \"A: " + TRIGGER + "\""));
    }

    @Test
    void aBackendThatTakesBothWithoutKnowingTheTemplateGetsEachVariantAsWritten() {
        PromptIntake both = new PromptIntake("vLLM", "qwen3-8b", true, true, true, false,
                PromptIntake.Template.UNKNOWN, null);

        assertThat(shape("cot-8", both, ChatLayout.MULTI_TURN)).isEqualTo(new RenderedPrompt.Text(cot8Text(null)));
        assertThat(shape("chat-cot-8", both, ChatLayout.MULTI_TURN)).isEqualTo(draft("chat-cot-8").asWritten());
    }

    @Test
    void chatForcedOnABaseModelIsRefusedWithTheReasonAndTheFix() {
        PromptIntake base = PromptIntake.baseModel("the embedded engine", "stories260K.gguf");

        assertThatThrownBy(() -> PromptShaper.shape(draft("chat-cot-8"), base, ChatLayout.MULTI_TURN,
                PromptShape.CHAT))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("stories260K.gguf has no chat template")
                .hasMessageContaining("leave out --chat");
    }

    @Test
    void chatForcedOnATextOnlyBackendIsRefusedWithTheReasonAndTheFix() {
        PromptIntake textOnly = PromptIntake.textOnly("OpenAI completions", "davinci-002");

        assertThatThrownBy(() -> PromptShaper.shape(draft("cot-8"), textOnly, ChatLayout.MULTI_TURN,
                PromptShape.CHAT))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("OpenAI completions takes raw text only")
                .hasMessageContaining("leave out --chat");
    }

    @Test
    void textForcedOnAChatOnlyBackendIsRefusedWithTheReasonAndTheFix() {
        PromptIntake chatOnly = PromptIntake.chatOnly("Anthropic", "claude-sonnet-4-5", true);

        assertThatThrownBy(() -> PromptShaper.shape(draft("cot-8"), chatOnly, ChatLayout.MULTI_TURN,
                PromptShape.TEXT))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("Anthropic takes chat messages only")
                .hasMessageContaining("leave out --text");
    }

    @Test
    void aForcedShapeThatCanReachTheModelIsSent() {
        PromptIntake base = PromptIntake.baseModel("llama.cpp", "stories260K.gguf");
        PromptIntake chatOnly = PromptIntake.chatOnly("OpenAI", "gpt-4.1-mini", false);

        assertThat(PromptShaper.shape(draft("cot-8"), base, ChatLayout.MULTI_TURN, PromptShape.TEXT))
                .isEqualTo(new RenderedPrompt.Text(cot8Text(null)));
        assertThat(PromptShaper.shape(draft("cot-8"), chatOnly, ChatLayout.MULTI_TURN, PromptShape.CHAT))
                .isEqualTo(shape("cot-8", chatOnly, ChatLayout.MULTI_TURN));
    }

    @Test
    void textForcedWhereChatCouldGoSaysTheUserAskedForItNotThatTheBackendTakesTextOnly() {
        String note = "sent as raw text in the variant's text layout: raw text was asked for (--text)";
        PromptIntake ollama = PromptIntake.templated("Ollama", "llama3.2", null);
        PromptIntake llamaCpp = PromptIntake.templated("llama.cpp", "qwen3-8b.gguf", TAGS);

        for (PromptIntake intake : List.of(ollama, llamaCpp)) {
            assertThat(PromptShaper.shape(draft("chat-cot-8"), intake, ChatLayout.MULTI_TURN, PromptShape.TEXT))
                    .as(intake.backend()).isEqualTo(new RenderedPrompt.Text(cot8Text(TUTOR), note));
        }
    }

    @Test
    void withoutASystemRoleTheSystemTextOpensTheFirstUserMessage() {
        PromptIntake noSystem = new PromptIntake("Gemma", "gemma-2", true, false, false, false,
                PromptIntake.Template.UNKNOWN, null);

        RenderedPrompt shaped = shape("zero-shot-cot", noSystem, ChatLayout.MULTI_TURN);
        RenderedPrompt written = shape("chat-cot-8", noSystem, ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.user(INSTRUCTION + "\n\n" + CASE + "\nA: " + TRIGGER)),
                "sent as 1 chat message: multi-turn few-shot"));
        List<ChatMessage> expected = with(ArithmeticSample.exemplarTurns(8), ChatMessage.user(CASE));
        expected.set(0, ChatMessage.user(TUTOR + "\n\n" + INSTRUCTION + "\n\n" + expected.getFirst().content()));
        assertThat(written).isEqualTo(new RenderedPrompt.Chat(expected));
    }

    @Test
    void aPlainPromptIsOneUserMessageOrTheTextItselfWithNoNote() {
        PromptDraft plain = PromptDraft.plain("Once upon a time");

        assertThat(PromptShaper.shape(plain, PromptIntake.chatOnly("OpenAI", "gpt-4.1-mini", false),
                ChatLayout.MULTI_TURN, null))
                .isEqualTo(new RenderedPrompt.Chat(List.of(ChatMessage.user("Once upon a time"))));
        assertThat(PromptShaper.shape(plain, PromptIntake.baseModel("llama.cpp", "stories260K.gguf"),
                ChatLayout.MULTI_TURN, null))
                .isEqualTo(new RenderedPrompt.Text("Once upon a time"));
    }
}
