// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptRendererTest {
    private static final PromptTemplate QA = new PromptTemplate(null, "Q: {{question}}", "A:", null, null);

    private static final Exemplar BASKET = exemplar("basket",
            "A basket holds 3 apples and Ann adds 4 more. How many apples are in it?",
            "It starts with 3 apples. 3 + 4 = 7.", "7");
    private static final Exemplar PENS = exemplar("pens",
            "Sam has 10 pens and gives away 6. How many does he keep?", "10 - 6 = 4.", "4");
    private static final Exemplar BUS = exemplar("bus",
            "A bus has 12 riders; 5 get off and 2 get on. How many ride now?", "12 - 5 = 7, 7 + 2 = 9.", "9");

    private static final TestCase PEARS = new TestCase("pears",
            Map.of("question", "Tom has 5 pears and eats 2. How many are left?"), "3");

    private static Exemplar exemplar(String id, String question, String rationale, String answer) {
        return new Exemplar(id, Map.of("question", question), rationale, answer, null);
    }

    private static Task task(PromptTemplate template, Exemplar... exemplars) {
        return new Task("apples", null, null, template, null, List.of(exemplars), List.of(), List.of());
    }

    private static Variant text(Integer shots, ReasoningStyle reasoning) {
        return Variant.named("v").withShots(shots).withReasoning(reasoning).withShape(PromptShape.TEXT);
    }

    private static String textOf(RenderedPrompt prompt) {
        assertThat(prompt).isInstanceOf(RenderedPrompt.Text.class);
        return ((RenderedPrompt.Text) prompt).prompt();
    }

    private static List<ChatMessage> messagesOf(RenderedPrompt prompt) {
        assertThat(prompt).isInstanceOf(RenderedPrompt.Chat.class);
        return ((RenderedPrompt.Chat) prompt).messages();
    }

    @Test
    void fewShotRationalePutsEachRationaleBeforeItsAnswer() {
        String prompt = textOf(
                PromptRenderer.render(task(QA, BASKET), text(1, ReasoningStyle.FEW_SHOT_RATIONALE), PEARS));

        assertThat(prompt).isEqualTo("""
                Q: A basket holds 3 apples and Ann adds 4 more. How many apples are in it?
                A: It starts with 3 apples. 3 + 4 = 7. The answer is 7.

                Q: Tom has 5 pears and eats 2. How many are left?
                A:""");
    }

    @Test
    void noReasoningShowsOnlyTheAnswers() {
        String prompt = textOf(PromptRenderer.render(task(QA, BASKET, PENS), text(2, ReasoningStyle.NONE), PEARS));

        assertThat(prompt).isEqualTo("""
                Q: A basket holds 3 apples and Ann adds 4 more. How many apples are in it?
                A: The answer is 7.

                Q: Sam has 10 pens and gives away 6. How many does he keep?
                A: The answer is 4.

                Q: Tom has 5 pears and eats 2. How many are left?
                A:""");
    }

    @Test
    void zeroShotTriggerFollowsTheCueAndNoExemplarIsShown() {
        String prompt = textOf(
                PromptRenderer.render(task(QA, BASKET), text(0, ReasoningStyle.ZERO_SHOT_TRIGGER), PEARS));

        assertThat(prompt).isEqualTo("Q: Tom has 5 pears and eats 2. How many are left?\nA: Let's think step by step.");
    }

    @Test
    void zeroShotTriggerCanBeReworded() {
        Variant variant = new Variant("v", null, 0, List.of(), null, null, ReasoningStyle.ZERO_SHOT_TRIGGER,
                "Let's work this out carefully.", PromptShape.CHAT, null, null, null, null);

        List<ChatMessage> messages = messagesOf(PromptRenderer.render(task(QA, BASKET), variant, PEARS));

        assertThat(messages).containsExactly(ChatMessage.user(
                "Q: Tom has 5 pears and eats 2. How many are left?\n\nLet's work this out carefully."));
    }

    @Test
    void customStyleUsesTheVariantsTemplateAndRationales() {
        PromptTemplate steps = new PromptTemplate(null, null, "Reasoning:",
                "{{rationale}}\nTherefore: {{answer}}", "\n---\n");
        Variant variant = new Variant("v", null, 1, List.of(), null, null, ReasoningStyle.CUSTOM, "First,",
                PromptShape.TEXT, null, steps, null, null);

        String prompt = textOf(PromptRenderer.render(task(QA, BASKET), variant, PEARS));

        assertThat(prompt).isEqualTo("""
                Q: A basket holds 3 apples and Ann adds 4 more. How many apples are in it?
                Reasoning: It starts with 3 apples. 3 + 4 = 7.
                Therefore: 7
                ---
                Q: Tom has 5 pears and eats 2. How many are left?
                Reasoning: First,""");
    }

    @Test
    void customStyleWithoutTriggerEndsAtTheCue() {
        Variant variant = new Variant("v", null, 0, List.of(), null, null, ReasoningStyle.CUSTOM, null,
                PromptShape.TEXT, null, new PromptTemplate(null, null, "Reasoning:", null, null), null, null);

        assertThat(textOf(PromptRenderer.render(task(QA, BASKET), variant, PEARS)))
                .isEqualTo("Q: Tom has 5 pears and eats 2. How many are left?\nReasoning:");
    }

    @Test
    void chatShapeAlternatesUserAndAssistantAndPutsInstructionInTheSystemMessage() {
        PromptTemplate template = new PromptTemplate("Solve the word problem.", "{{question}}", "A:", null, null);
        Variant variant = new Variant("v", null, 1, List.of(), null, null, ReasoningStyle.FEW_SHOT_RATIONALE,
                null, PromptShape.CHAT, "You are a careful tutor.", null, null, null);

        List<ChatMessage> messages = messagesOf(PromptRenderer.render(task(template, BASKET), variant, PEARS));

        assertThat(messages).containsExactly(
                ChatMessage.system("You are a careful tutor.\n\nSolve the word problem."),
                ChatMessage.user("A basket holds 3 apples and Ann adds 4 more. How many apples are in it?"),
                ChatMessage.assistant("It starts with 3 apples. 3 + 4 = 7. The answer is 7."),
                ChatMessage.user("Tom has 5 pears and eats 2. How many are left?"));
    }

    @Test
    void chatWithoutSystemOrInstructionHasNoSystemMessage() {
        List<ChatMessage> messages = messagesOf(PromptRenderer.render(task(QA), Variant.named("v"), PEARS));

        assertThat(messages).containsExactly(ChatMessage.user("Q: Tom has 5 pears and eats 2. How many are left?"));
    }

    @Test
    void textShapeStartsWithSystemThenInstruction() {
        PromptTemplate template = new PromptTemplate("Answer with a number.", "Q: {{question}}", "A:", null, null);
        Variant variant = new Variant("v", null, 0, List.of(), null, null, null, null, PromptShape.TEXT,
                "Be brief.", null, null, null);

        assertThat(textOf(PromptRenderer.render(task(template, BASKET), variant, PEARS))).isEqualTo("""
                Be brief.

                Answer with a number.

                Q: Tom has 5 pears and eats 2. How many are left?
                A:""");
    }

    @Test
    void instructionMayUseTheCasesInputs() {
        PromptTemplate template = new PromptTemplate("Translate into {{language}}.", "{{text}}", null, null, null);
        Task task = new Task("t", null, null, template, null, List.of(), List.of(), List.of());
        TestCase hello = TestCase.of(Map.of("language", "French", "text", "Hello"));

        assertThat(messagesOf(PromptRenderer.render(task, Variant.named("v"), hello)))
                .first().isEqualTo(ChatMessage.system("Translate into French."));
    }

    @Test
    void withoutACueAnExemplarsOutputFollowsItsInputDirectly() {
        PromptTemplate template = new PromptTemplate(null, "Q: {{question}}", null, "{{answer}}", null);

        assertThat(textOf(PromptRenderer.render(task(template, BASKET), text(1, ReasoningStyle.NONE), PEARS)))
                .isEqualTo("Q: A basket holds 3 apples and Ann adds 4 more. How many apples are in it?\n7\n\n"
                        + "Q: Tom has 5 pears and eats 2. How many are left?\n");
    }

    @Test
    void aTaskWithNoExemplarsRendersZeroShot() {
        String prompt = textOf(PromptRenderer.render(task(QA), text(8, ReasoningStyle.FEW_SHOT_RATIONALE), PEARS));

        assertThat(prompt).isEqualTo("Q: Tom has 5 pears and eats 2. How many are left?\nA:");
    }

    @Test
    void moreShotsThanExemplarsShowsThemAll() {
        Task task = task(QA, BASKET, PENS);

        assertThat(ExemplarPicker.pick(task, text(5, ReasoningStyle.NONE))).containsExactly(BASKET, PENS);
        assertThat(ExemplarPicker.pick(task, text(null, ReasoningStyle.NONE))).containsExactly(BASKET, PENS);
    }

    @Test
    void kShotTakesTheFirstKEnabledExemplars() {
        Task task = task(QA, BASKET.withEnabled(false), PENS, BUS);

        assertThat(ExemplarPicker.pick(task, text(1, ReasoningStyle.NONE))).containsExactly(PENS);
        assertThat(ExemplarPicker.pick(task, text(0, ReasoningStyle.NONE))).isEmpty();
    }

    @Test
    void variantsExemplarListSetsThePoolAndItsOrderAndSkipsDisabledOnes() {
        Task task = task(QA, BASKET, PENS.withEnabled(false), BUS);
        Variant variant = new Variant("v", null, null, List.of("bus", "pens", "basket"), null, null, null, null,
                null, null, null, null, null);

        assertThat(ExemplarPicker.pick(task, variant)).containsExactly(BUS, BASKET);
    }

    @Test
    void unknownExemplarIdIsAClearError() {
        Variant variant = new Variant("v", null, null, List.of("nope"), null, null, null, null, null, null, null,
                null, null);

        assertThatThrownBy(() -> ExemplarPicker.pick(task(QA, BASKET), variant))
                .isInstanceOf(RenderException.class)
                .hasMessage("task \"apples\" variant \"v\": no exemplar with id \"nope\"");
    }

    @Test
    void randomSelectionIsFixedBySeedAndKeepsFileOrder() {
        Exemplar[] pool = new Exemplar[10];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = exemplar("e" + i, "question " + i, "because " + i, String.valueOf(i));
        }
        Task task = task(QA, pool);

        List<Exemplar> first = ExemplarPicker.pick(task, randomVariant(7));
        List<Exemplar> again = ExemplarPicker.pick(task, randomVariant(7));

        assertThat(first).hasSize(3).isEqualTo(again);
        assertThat(first).isSortedAccordingTo((a, b) -> a.answer().compareTo(b.answer()));
        boolean anotherSeedDiffers = java.util.stream.LongStream.range(0, 20)
                .anyMatch(seed -> !ExemplarPicker.pick(task, randomVariant(seed)).equals(first));
        assertThat(anotherSeedDiffers).isTrue();
        assertThat(first).isNotEqualTo(List.of(pool[0], pool[1], pool[2]));
    }

    private static Variant randomVariant(long seed) {
        return new Variant("r", null, 3, List.of(), dev.rationale.core.promptset.ExemplarSelection.RANDOM, seed,
                null, null, null, null, null, null, null);
    }

    @Test
    void missingVariableInACaseNamesTheTemplateAndTheCase() {
        TestCase noQuestion = new TestCase("c7", Map.of("qestion", "typo"), null);

        assertThatThrownBy(() -> PromptRenderer.render(task(QA), Variant.named("v"), noQuestion))
                .isInstanceOf(RenderException.class)
                .hasMessage("task \"apples\" variant \"v\" template.input for case \"c7\": no value for {{question}}");
    }

    @Test
    void missingVariableInAnExemplarNamesTheExemplar() {
        Exemplar broken = new Exemplar("broken", Map.of(), null, "1", null);

        assertThatThrownBy(() -> PromptRenderer.render(task(QA, broken), Variant.named("v"), PEARS))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("exemplar \"broken\"")
                .hasMessageContaining("{{question}}");
    }

    @Test
    void unbalancedSectionIsAnErrorNamingTheTemplate() {
        PromptTemplate bad = new PromptTemplate(null, "Q: {{#question}}{{question}}", null, null, null);

        assertThatThrownBy(() -> PromptRenderer.render(task(bad), Variant.named("v"), PEARS))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("template.input")
                .hasMessageContaining("does not parse");
    }

    @Test
    void aTemplateWithoutInputIsAnError() {
        PromptTemplate none = new PromptTemplate("Be nice.", null, null, null, null);

        assertThatThrownBy(() -> PromptRenderer.render(task(none), Variant.named("v"), PEARS))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("no input");
    }

    @Test
    void valuesAreInsertedVerbatimWithoutHtmlEscaping() {
        TestCase code = TestCase.of(Map.of("question", "Is 3 < 4 && \"x\" > 'y'?"));

        assertThat(messagesOf(PromptRenderer.render(task(QA), Variant.named("v"), code)))
                .containsExactly(ChatMessage.user("Q: Is 3 < 4 && \"x\" > 'y'?"));
    }

    @Test
    void exemplarWithoutRationaleShowsOnlyItsAnswerInAChainOfThoughtPrompt() {
        Exemplar bare = new Exemplar("bare", Map.of("question", "2 + 2?"), null, "4", null);

        assertThat(textOf(PromptRenderer.render(task(QA, bare), text(1, ReasoningStyle.FEW_SHOT_RATIONALE), PEARS)))
                .startsWith("Q: 2 + 2?\nA: The answer is 4.\n\n");
    }

    @Test
    void renderedPromptsSerialiseToTheCliJsonShape() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

        assertThat(mapper.writeValueAsString(new RenderedPrompt.Text("Q: hi\nA:")))
                .isEqualTo("{\"shape\":\"text\",\"prompt\":\"Q: hi\\nA:\"}");
        assertThat(mapper.writeValueAsString(new RenderedPrompt.Chat(List.of(ChatMessage.user("hi")))))
                .isEqualTo("{\"shape\":\"chat\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void eightThousandNestedSectionsAreARenderErrorNamingTheFieldAndTheDepth() {
        String deep = "{{#question}}".repeat(8000) + "{{question}}" + "{{/question}}".repeat(8000);
        Task task = task(new PromptTemplate(null, deep, null, null, null));

        assertThatThrownBy(() -> PromptRenderer.render(task, text(0, ReasoningStyle.NONE), PEARS))
                .isInstanceOf(RenderException.class)
                .hasMessage("task \"apples\" variant \"v\" template.input for case \"pears\": sections nest 8000"
                        + " deep (from line 1); at most 64 levels are allowed");
    }
}
