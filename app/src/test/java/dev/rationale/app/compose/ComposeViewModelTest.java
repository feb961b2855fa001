// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.compose;

import dev.rationale.core.provider.TokenCounter;
import dev.rationale.core.provider.TokenCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.app.run.ThinkingChoice;
import dev.rationale.app.workspace.PromptSetDocument;
import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.Exemplar;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.ReasoningStyle;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.promptset.ThinkingLevel;
import dev.rationale.core.render.ChatRole;
import dev.rationale.core.render.RenderException;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Compose view model on the arithmetic sample, with same-thread executors and no quiet period. */
class ComposeViewModelTest {
    private static final String BAKERY = "A bakery bakes 4 trays of muffins";
    private static final String LIBRARY = "The school library received 27 new books";
    private static final String GARDEN = "Mei plants 6 rows of lettuce";
    private static final String CLASS_TRIP = "84 pupils are going on a school trip";
    private static final String FIRST_CASE = "Priya picks 14 strawberries and her dad picks 23.";

    private PromptSetDocument document;
    private ComposeViewModel compose;

    private static Path samples() {
        return Path.of(System.getProperty("rationale.samples.dir", "../sample-prompts"));
    }

    @BeforeEach
    void openTheArithmeticSample() {
        Path file = samples().resolve("arithmetic.rationale.json");
        document = new PromptSetDocument(PromptSetFiles.load(file), file);
        compose = new ComposeViewModel(document, Runnable::run, Runnable::run, Duration.ZERO, TokenCounter.estimate());
    }

    private String preview() {
        return compose.getPreview().getText();
    }

    private Task savedTask() {
        return document.getPromptSet().task("arithmetic").orElseThrow();
    }

    private Variant savedVariant(String id) {
        return savedTask().variant(id).orElseThrow();
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void opensTheFirstTaskAtItsFirstVariantAndCase() {
        assertThat(compose.getTaskIds()).containsExactly("arithmetic");
        assertThat(compose.selectedTaskProperty().get()).isEqualTo("arithmetic");
        assertThat(compose.getVariantIds()).startsWith("zero-shot", "few-shot-4").contains("chat-cot-8");
        assertThat(compose.selectedVariantProperty().get()).isEqualTo("zero-shot");
        assertThat(compose.variantLabel("cot-8")).isEqualTo("8-shot chain of thought");
        assertThat(compose.getTemplateFields().getInstruction())
                .isEqualTo("Solve each word problem. End with \"The answer is N.\"");
        assertThat(compose.getExemplars().getRows()).hasSize(9);
        assertThat(compose.getExemplars().getVariables()).containsExactly("question");
        assertThat(compose.getCaseInputs().getFields()).extracting(InputField::getName).containsExactly("question");
        assertThat(compose.getCaseInputs().getFields().getFirst().getValue()).startsWith(FIRST_CASE);
        assertThat(compose.getCaseInputs().getExpected()).isEqualTo("37");
        assertThat(compose.getCaseInputs().getCaseLabels()).hasSize(48).first().asString().startsWith("c01 · Priya");
        assertThat(compose.getPreview().getState()).isEqualTo(PreviewState.READY);
        assertThat(preview()).isEqualTo("Solve each word problem. End with \"The answer is N.\"\n\nQ: "
                + compose.getCaseInputs().getFields().getFirst().getValue() + "\nA:");
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void editingAnExemplarsAnswerChangesThePreviewAndMarksTheDocumentDirty() {
        compose.selectVariant("few-shot-4");
        assertThat(preview()).contains("The answer is 18.");

        compose.getExemplars().getRows().getFirst().setAnswer("eighteen");

        assertThat(preview()).contains("The answer is eighteen.").doesNotContain("The answer is 18.");
        assertThat(document.isDirty()).isTrue();
        assertThat(savedTask().exemplars().getFirst().answer()).isEqualTo("eighteen");
    }

    @Test
    void disablingAnExemplarRemovesItFromAKShotPreview() {
        compose.selectVariant("few-shot-4");
        assertThat(preview()).contains(BAKERY).doesNotContain(CLASS_TRIP);

        compose.getExemplars().getRows().getFirst().setEnabled(false);

        assertThat(preview()).doesNotContain(BAKERY).contains(LIBRARY, CLASS_TRIP);
        assertThat(count(preview(), "\nA: The answer is ")).isEqualTo(4);
        assertThat(savedTask().exemplars().getFirst().enabled()).isFalse();
        assertThat(compose.getVariantControls().getMaxShots()).isEqualTo(8);
    }

    @Test
    void movingAnExemplarChangesItsPlaceInThePreview() {
        compose.selectVariant("few-shot-4");
        assertThat(preview().indexOf(BAKERY)).isLessThan(preview().indexOf(GARDEN));

        int at = compose.getExemplars().move(2, 0);

        assertThat(at).isZero();
        assertThat(preview().indexOf(GARDEN)).isLessThan(preview().indexOf(BAKERY));
        assertThat(preview().indexOf(BAKERY)).isLessThan(preview().indexOf(LIBRARY));
        assertThat(savedTask().exemplars()).extracting(Exemplar::id).startsWith("ex-garden", "ex-bakery", "ex-library");

        assertThat(compose.getExemplars().moveDown(0)).isEqualTo(1);
        assertThat(compose.getExemplars().moveUp(0)).isZero();
        assertThat(savedTask().exemplars()).extracting(Exemplar::id).startsWith("ex-bakery", "ex-garden", "ex-library");
    }

    @Test
    void addingAndRemovingExemplarsEditsTheTask() {
        int added = compose.getExemplars().add();

        assertThat(added).isEqualTo(9);
        assertThat(savedTask().exemplars()).hasSize(10);
        assertThat(savedTask().exemplars().getLast().id()).isEqualTo("ex-10");
        assertThat(savedTask().exemplars().getLast().inputs()).containsEntry("question", "");

        compose.getExemplars().getRows().get(added).inputProperty(0).set("What is 2 + 2?");
        compose.getExemplars().getRows().get(added).setAnswer("4");
        compose.selectVariant("few-shot-8");
        compose.getVariantControls().setShots(10);
        assertThat(preview()).contains("Q: What is 2 + 2?\nA: The answer is 4.");

        compose.getExemplars().remove(added);
        assertThat(savedTask().exemplars()).hasSize(9);
        assertThat(preview()).doesNotContain("What is 2 + 2?");
    }

    @Test
    void shotsChangeHowManyExemplarsThePreviewShows() {
        compose.selectVariant("few-shot-4");
        assertThat(compose.getVariantControls().getShots()).isEqualTo(4);
        assertThat(compose.getVariantControls().getMaxShots()).isEqualTo(9);

        compose.getVariantControls().setShots(2);

        assertThat(count(preview(), "\nA: The answer is ")).isEqualTo(2);
        assertThat(preview()).contains(BAKERY, LIBRARY).doesNotContain(GARDEN);
        assertThat(savedVariant("few-shot-4").shots()).isEqualTo(2);
    }

    @Test
    void aVariantsThinkingLevelIsEditedIntoItsSettingsAndShownAgainWhenSelected() {
        compose.selectVariant("few-shot-4");
        assertThat(compose.getVariantControls().thinkingProperty().get()).isEqualTo(ThinkingChoice.VARIANTS);

        compose.getVariantControls().thinkingProperty().set(ThinkingChoice.LOW);

        assertThat(savedVariant("few-shot-4").settings().thinking()).isEqualTo(ThinkingLevel.LOW);
        compose.selectVariant("zero-shot");
        assertThat(compose.getVariantControls().thinkingProperty().get()).isEqualTo(ThinkingChoice.VARIANTS);
        compose.selectVariant("few-shot-4");
        assertThat(compose.getVariantControls().thinkingProperty().get()).isEqualTo(ThinkingChoice.LOW);

        compose.getVariantControls().thinkingProperty().set(ThinkingChoice.VARIANTS);

        assertThat(savedVariant("few-shot-4").settings()).isNull();
    }

    @Test
    void theZeroShotTriggerStyleAppendsTheTrigger() {
        assertThat(preview()).endsWith("\nA:");

        compose.getVariantControls().setReasoning(ReasoningStyle.ZERO_SHOT_TRIGGER);

        assertThat(preview()).endsWith("\nA: Let's think step by step.");
        assertThat(compose.getVariantControls().triggerUsedProperty().get()).isTrue();

        compose.getVariantControls().triggerProperty().set("Work it out in steps.");
        assertThat(preview()).endsWith("\nA: Work it out in steps.");
        assertThat(savedVariant("zero-shot").trigger()).isEqualTo("Work it out in steps.");
    }

    @Test
    void theFewShotRationaleStyleShowsTheExemplarsReasoning() {
        compose.selectVariant("few-shot-4");
        assertThat(preview()).doesNotContain("4 * 12 = 48");

        compose.getVariantControls().setReasoning(ReasoningStyle.FEW_SHOT_RATIONALE);

        assertThat(preview()).contains("4 * 12 = 48 muffins. It has sold 30 of them, so 48 - 30 = 18 muffins are left."
                + " The answer is 18.");
        assertThat(savedVariant("few-shot-4").reasoning()).isEqualTo(ReasoningStyle.FEW_SHOT_RATIONALE);
    }

    @Test
    void chatPromptsShowLabelledMessagesAndTextShapeGivesTheRawPrompt() {
        compose.selectVariant("chat-cot-8");
        assertThat(compose.renderedPromptProperty().get()).isInstanceOf(RenderedPrompt.Chat.class);
        assertThat(preview()).startsWith("[system]\nYou are a careful maths tutor who shows every step of the working."
                + "\n\nSolve each word problem.");
        assertThat(preview()).contains("\n\n[user]\nQ: " + BAKERY, "\n\n[assistant]\nThe bakery bakes");

        compose.getVariantControls().setShape(PromptShape.TEXT);

        assertThat(compose.renderedPromptProperty().get()).isInstanceOf(RenderedPrompt.Text.class);
        assertThat(preview()).startsWith("You are a careful maths tutor").doesNotContain("[user]", "[system]")
                .endsWith("\nA:");
        assertThat(savedVariant("chat-cot-8").shape()).isEqualTo(PromptShape.TEXT);
    }

    @Test
    void systemTextAndSamplesAreWrittenToTheVariant() {
        compose.getVariantControls().systemProperty().set("Be brief.");
        compose.getVariantControls().samplesProperty().set(3);

        assertThat(preview()).startsWith("Be brief.\n\nSolve each word problem.");
        assertThat(savedVariant("zero-shot").system()).isEqualTo("Be brief.");
        assertThat(savedVariant("zero-shot").samples()).isEqualTo(3);

        compose.getVariantControls().systemProperty().set("");
        assertThat(savedVariant("zero-shot").system()).isNull();
    }

    @Test
    void inputEditsAppearInThePreviewAndEditTheCase() {
        compose.getCaseInputs().getFields().getFirst().setValue("How many legs do 3 spiders have?");

        assertThat(preview()).endsWith("Q: How many legs do 3 spiders have?\nA:");
        assertThat(savedTask().cases().getFirst().inputs())
                .containsEntry("question", "How many legs do 3 spiders have?");
        assertThat(savedTask().cases().getFirst().expected()).isEqualTo("37");
        assertThat(document.isDirty()).isTrue();
    }

    @Test
    void inputEditsKeepTheCasesChoices() {
        List<Choice> choices = List.of(Choice.of("37", 1), Choice.of("36", 0));
        document.editTask("arithmetic", t -> {
            List<TestCase> cases = new ArrayList<>(t.cases());
            TestCase first = cases.getFirst();
            cases.set(0, new TestCase(first.id(), first.inputs(), first.expected(), choices));
            return t.withCases(cases);
        });

        compose.getCaseInputs().getFields().getFirst().setValue("How many legs do 3 spiders have?");

        assertThat(savedTask().cases().getFirst().inputs())
                .containsEntry("question", "How many legs do 3 spiders have?");
        assertThat(savedTask().cases().getFirst().choices()).isEqualTo(choices);
    }

    @Test
    void choosingAnotherCaseShowsItsInputsAndExpectedAnswer() {
        compose.getCaseInputs().select(1);

        assertThat(compose.getCaseInputs().getFields().getFirst().getValue()).startsWith("A cinema has 12 rows");
        assertThat(compose.getCaseInputs().getExpected()).isEqualTo("180");
        assertThat(preview()).contains("Q: A cinema has 12 rows");
        assertThat(compose.currentCase().id()).isEqualTo("c02");
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void aTemplateSyntaxErrorShowsAsThePreviewsMessage() {
        compose.getTemplateFields().setInstruction("Solve {{#steps}}each word problem.");

        assertThat(compose.getPreview().getState()).isEqualTo(PreviewState.FAILED);
        assertThat(preview()).startsWith("The prompt cannot be rendered:").contains("template.instruction");
        assertThat(compose.getPreview().getError()).isNotEmpty();
        assertThat(compose.renderedPromptProperty().get()).isNull();
        assertThat(compose.getPreview().getTokenText()).isEmpty();
        assertThatThrownBy(compose::currentPrompt).isInstanceOf(RenderException.class);
        // Mid-typing, the columns and fields stay as they were.
        assertThat(compose.getExemplars().getVariables()).containsExactly("question");

        compose.getTemplateFields().setInstruction("Solve {{#steps}}each{{/steps}} word problem.");

        assertThat(compose.getPreview().getState()).isEqualTo(PreviewState.READY);
        assertThat(preview()).startsWith("Solve  word problem.");
    }

    @Test
    void aVariableTheCaseLacksIsNamedInThePreview() {
        compose.getTemplateFields().setInstruction("Solve problems about {{topic}}.");

        assertThat(compose.getPreview().getState()).isEqualTo(PreviewState.FAILED);
        assertThat(compose.getPreview().getError()).contains("{{topic}}");
        assertThat(compose.getCaseInputs().getFields()).extracting(InputField::getName)
                .containsExactly("topic", "question");
        assertThat(compose.getExemplars().getVariables()).containsExactly("topic", "question");

        compose.getCaseInputs().getFields().getFirst().setValue("money");

        assertThat(preview()).startsWith("Solve problems about money.");
    }

    @Test
    void instructionEditsAreWrittenToTheTaskAndHighlighted() {
        compose.getTemplateFields().setInstruction("Answer {{question}} {{#hint}}with {{hint}}{{/hint}}");

        assertThat(savedTask().template().instruction())
                .isEqualTo("Answer {{question}} {{#hint}}with {{hint}}{{/hint}}");
        assertThat(compose.highlightingProperty().get().text())
                .isEqualTo("Answer {{question}} {{#hint}}with {{hint}}{{/hint}}");
        assertThat(compose.highlightingProperty().get().tags()).extracting(TemplateTag::kind).containsExactly(
                TemplateTag.Kind.VARIABLE, TemplateTag.Kind.SECTION, TemplateTag.Kind.VARIABLE,
                TemplateTag.Kind.SECTION);
    }

    @Test
    void theOtherTemplateFieldsAreWrittenAsPlainText() {
        compose.getTemplateFields().inputProperty().set("Question: {{question}}");
        compose.getTemplateFields().cueProperty().set("Answer:");

        assertThat(preview()).endsWith("Question: " + compose.getCaseInputs().getFields().getFirst().getValue()
                + "\nAnswer:");
        PromptTemplate saved = savedTask().template();
        assertThat(saved.input()).isEqualTo("Question: {{question}}");
        assertThat(saved.cue()).isEqualTo("Answer:");
        assertThat(saved.output()).isEqualTo(PromptTemplate.DEFAULT_OUTPUT);
    }

    @Test
    void theTokenCountIsEstimatedFromTheLength() {
        TokenCounter estimate = TokenCounter.estimate();
        assertThat(estimate.count("")).isEqualTo(new TokenCount(0, false));
        assertThat(estimate.count("abcd")).isEqualTo(new TokenCount(1, false));
        assertThat(estimate.count("abcde")).isEqualTo(new TokenCount(2, false));
        assertThat(new TokenCount(1234, false).display()).isEqualTo("≈ 1,234 tokens");
        assertThat(new TokenCount(1, true).display()).isEqualTo("1 token");

        int expected = (preview().length() + 3) / 4;
        assertThat(compose.getPreview().getTokenText()).isEqualTo("≈ " + expected + " tokens");
    }

    @Test
    void anExactTokenCounterCanBePluggedIn() {
        compose.getPreview().counterProperty().set(text -> new TokenCount(text.split("\\s+").length, true));

        assertThat(compose.getPreview().getTokenText()).matches("\\d+ tokens");
        assertThat(compose.getPreview().tokensProperty().get().exact()).isTrue();
    }

    @Test
    void runReadsTheCurrentTaskVariantCaseAndPrompt() {
        compose.selectVariant("chat-cot-8");
        compose.getCaseInputs().getFields().getFirst().setValue("What is 6 times 7?");

        assertThat(compose.currentTask().id()).isEqualTo("arithmetic");
        assertThat(compose.currentVariant().id()).isEqualTo("chat-cot-8");
        assertThat(compose.currentCase().inputs()).containsEntry("question", "What is 6 times 7?");
        assertThat(compose.currentCase().expected()).isEqualTo("37");
        RenderedPrompt.Chat prompt = (RenderedPrompt.Chat) compose.currentPrompt();
        assertThat(prompt.messages().getLast().role()).isEqualTo(ChatRole.USER);
        assertThat(prompt.messages().getLast().content()).isEqualTo("Q: What is 6 times 7?");
        assertThat(prompt).isEqualTo(compose.renderedPromptProperty().get());
    }

    @Test
    void editsMadeElsewhereInTheDocumentAreShown() {
        compose.selectVariant("few-shot-4");
        document.editTask("arithmetic", t -> t.withExemplars(t.exemplars().reversed()));

        assertThat(compose.getExemplars().getRows().getFirst().getId()).isEqualTo("ex-savings");
        assertThat(preview()).contains("Sam wants a bike").doesNotContain(BAKERY);
    }

    @Test
    void aTaskWithoutCasesUsesScratchInputsThatAreNotSaved() {
        Task task = new Task("echo", "Echo", null, new PromptTemplate(null, "Say: {{word}}", "", "{{answer}}", null),
                null, List.of(new Exemplar("e1", Map.of("word", "hi"), null, "hi", null)), List.of(), List.of());
        var doc = new PromptSetDocument(PromptSet.of("scratch", List.of(task)), null);
        var vm = new ComposeViewModel(doc, Runnable::run, Runnable::run, Duration.ZERO, TokenCounter.estimate());

        assertThat(vm.getCaseInputs().scratchProperty().get()).isTrue();
        assertThat(vm.getCaseInputs().getSelectedIndex()).isEqualTo(-1);
        vm.getCaseInputs().getFields().getFirst().setValue("hello");

        assertThat(vm.getPreview().getText()).isEqualTo("[user]\nSay: hi\n\n[assistant]\nhi\n\n[user]\nSay: hello");
        assertThat(vm.currentCase().inputs()).containsEntry("word", "hello");
        assertThat(doc.isDirty()).isFalse();

        // The first variant edit adds a variant to a task that has none.
        vm.getVariantControls().setShots(0);
        assertThat(doc.getPromptSet().tasks().getFirst().variants()).extracting(Variant::id)
                .containsExactly("default");
        assertThat(vm.getPreview().getText()).isEqualTo("[user]\nSay: hello");
    }

    @Test
    void onlyTheLatestRenderIsApplied() {
        Queue<Runnable> background = new ArrayDeque<>();
        var vm = new ComposeViewModel(document, Runnable::run, background::add, Duration.ZERO,
                TokenCounter.estimate());
        background.forEach(Runnable::run);
        background.clear();

        vm.getTemplateFields().setInstruction("First.");
        vm.getTemplateFields().setInstruction("Second.");
        Runnable firstRender = background.remove();
        assertThat(vm.getPreview().getState()).isEqualTo(PreviewState.UPDATING);

        firstRender.run();
        assertThat(vm.getPreview().getText()).doesNotStartWith("First.");
        background.forEach(Runnable::run);
        assertThat(vm.getPreview().getText()).startsWith("Second.");
        assertThat(vm.getPreview().getState()).isEqualTo(PreviewState.READY);
    }

    @Test
    void whileAnotherSetOpensTheOldTaskIsNotTheCurrentOne() {
        // A listener of the document that runs before the view model's own (the Evaluate view's, in the app) sees
        // the new set with the old task still shown: hasTask is still true, and currentTask would throw.
        var document = new PromptSetDocument(PromptSetFiles.load(samples().resolve("arithmetic.rationale.json")), null);
        var seen = new ArrayList<Boolean>();
        var vm = new ArrayList<ComposeViewModel>();
        document.promptSetProperty().addListener((obs, old, now) -> seen.add(vm.getFirst().currentTaskIfAny()
                .isPresent()));
        vm.add(new ComposeViewModel(document, Runnable::run, Runnable::run, Duration.ZERO, TokenCounter.estimate()));
        assertThat(vm.getFirst().currentTaskIfAny()).map(Task::id).hasValue("arithmetic");

        Path translation = samples().resolve("translation.rationale.json");
        document.replace(PromptSetFiles.load(translation), translation, false);

        assertThat(seen).containsExactly(false);
        assertThat(vm.getFirst().currentTaskIfAny()).map(Task::id).hasValue("en-fr");
    }

    @Test
    void anEmptyPromptSetHasNothingToPreview() {
        var vm = new ComposeViewModel(new PromptSetDocument(PromptSet.of("empty", List.of()), null), Runnable::run,
                Runnable::run, Duration.ZERO, TokenCounter.estimate());

        assertThat(vm.hasTaskProperty().get()).isFalse();
        assertThat(vm.getPreview().getState()).isEqualTo(PreviewState.EMPTY);
        assertThatThrownBy(vm::currentTask).isInstanceOf(IllegalStateException.class);
    }
}
