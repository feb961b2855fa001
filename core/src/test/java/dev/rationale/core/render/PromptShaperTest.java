// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.promptset.ChatLayout;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import java.nio.file.Path;
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
    private static final Task ARITHMETIC = PromptSetFiles.load(Path.of(
            System.getProperty("rationale.samples.dir", "../sample-prompts"), "arithmetic.rationale.json"))
            .tasks().getFirst();

    private static final String INSTRUCTION = "Solve each word problem. End with \"The answer is N.\"";
    private static final String TUTOR = "You are a careful maths tutor who shows every step of the working.";
    private static final String CASE = "Q: Priya picks 14 strawberries and her dad picks 23. How many strawberries do "
            + "they pick altogether?";
    private static final String TRIGGER = "Let's think step by step.";

    /** The first eight exemplars of the sample set: the question as the template writes it, then the output. */
    private static final List<List<String>> SHOTS = List.of(
            List.of("Q: A bakery bakes 4 trays of muffins with 12 muffins on each tray. By noon it has sold 30 muffins."
                    + " How many muffins are left?",
                    "The bakery bakes 4 trays of 12 muffins, so 4 * 12 = 48 muffins. It has sold 30 of them, so "
                    + "48 - 30 = 18 muffins are left. The answer is 18."),
            List.of("Q: The school library received 27 new books in March and 35 new books in April. How many new "
                    + "books did it receive in the two months?",
                    "It received 27 books in March and 35 books in April. 27 + 35 = 62 books. The answer is 62."),
            List.of("Q: Mei plants 6 rows of lettuce in her garden with 9 plants in each row. How many lettuce plants "
                    + "does she plant?",
                    "There are 6 rows with 9 plants in each row. 6 * 9 = 54 plants. The answer is 54."),
            List.of("Q: A notebook costs $2.45 and a pen costs $1.30. Leo buys 2 notebooks and 1 pen and pays with a "
                    + "$10 note. How much change does he get in dollars?",
                    "Two notebooks cost 2 * 2.45 = 4.90 dollars. Adding the pen, 4.90 + 1.30 = 6.20 dollars. His "
                    + "change is 10 - 6.20 = 3.80 dollars. The answer is 3.80."),
            List.of("Q: 84 pupils are going on a school trip to the zoo. Each minibus holds 12 pupils. How many "
                    + "minibuses are needed?",
                    "Each minibus takes 12 pupils. 84 / 12 = 7 minibuses. The answer is 7."),
            List.of("Q: A winter coat costs $60. In a sale it is 25% off. What is the sale price in dollars?",
                    "25% of 60 dollars is 60 * 25 / 100 = 15 dollars off. The sale price is 60 - 15 = 45 dollars. "
                    + "The answer is 45."),
            List.of("Q: Maya has read 46 pages of her book and her brother has read 19 pages of his. How many more "
                    + "pages has Maya read than her brother?",
                    "Maya has read 46 pages and her brother has read 19. 46 - 19 = 27, so Maya has read 27 more "
                    + "pages. The answer is 27."),
            List.of("Q: A bread recipe uses 250 grams of flour for each loaf. Tom bakes 6 loaves for the school fair. "
                    + "How many kilograms of flour does he use?",
                    "Six loaves need 6 * 250 = 1500 grams of flour. There are 1000 grams in a kilogram, so "
                    + "1500 / 1000 = 1.5 kilograms. The answer is 1.5."));

    /** A stand-in for a model's chat template: a role line, the content, and the assistant's opening at the end. */
    private static final ChatFormatter TAGS = messages -> messages.stream()
            .map(m -> "<|" + m.role().wireName() + "|>\n" + m.content() + "\n")
            .collect(Collectors.joining()) + "<|assistant|>\n";

    private static PromptDraft draft(String variantId) {
        return PromptRenderer.draft(ARITHMETIC, variant(variantId), ARITHMETIC.cases().getFirst());
    }

    private static Variant variant(String id) {
        return ARITHMETIC.variants().stream().filter(v -> id.equals(v.id())).findFirst().orElseThrow();
    }

    private static RenderedPrompt shape(String variantId, PromptIntake intake, ChatLayout layout) {
        return PromptShaper.shape(draft(variantId), intake, layout, null);
    }

    /** The eight exemplars as user and assistant turns, after the system message. */
    private static List<ChatMessage> opening(String system) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.system(system));
        for (List<String> shot : SHOTS) {
            messages.add(ChatMessage.user(shot.get(0)));
            messages.add(ChatMessage.assistant(shot.get(1)));
        }
        return messages;
    }

    private static List<ChatMessage> with(List<ChatMessage> head, ChatMessage... tail) {
        List<ChatMessage> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** The raw-text layout of cot-8, from its first block to the cue, after any system text. */
    private static String cot8Text(@Nullable String system) {
        List<String> blocks = new ArrayList<>();
        if (system != null) {
            blocks.add(system);
        }
        blocks.add(INSTRUCTION);
        SHOTS.forEach(shot -> blocks.add(shot.get(0) + "\nA: " + shot.get(1)));
        blocks.add(CASE + "\nA:");
        return String.join("\n\n", blocks);
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

        String expected = with(opening(TUTOR + "\n\n" + INSTRUCTION), ChatMessage.user(CASE)).stream()
                .map(m -> "<|" + m.role().wireName() + "|>\n" + m.content() + "\n")
                .collect(Collectors.joining()) + "<|assistant|>\n";
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
    void withoutASystemRoleTheSystemTextOpensTheFirstUserMessage() {
        PromptIntake noSystem = new PromptIntake("Gemma", "gemma-2", true, false, false, false,
                PromptIntake.Template.UNKNOWN, null);

        RenderedPrompt shaped = shape("zero-shot-cot", noSystem, ChatLayout.MULTI_TURN);
        RenderedPrompt written = shape("chat-cot-8", noSystem, ChatLayout.MULTI_TURN);

        assertThat(shaped).isEqualTo(new RenderedPrompt.Chat(
                List.of(ChatMessage.user(INSTRUCTION + "\n\n" + CASE + "\nA: " + TRIGGER)),
                "sent as 1 chat message: multi-turn few-shot"));
        List<ChatMessage> expected = with(opening(TUTOR + "\n\n" + INSTRUCTION), ChatMessage.user(CASE));
        expected.removeFirst();
        expected.set(0, ChatMessage.user(TUTOR + "\n\n" + INSTRUCTION + "\n\n" + SHOTS.getFirst().get(0)));
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
