// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.dataset.Dataset;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.dataset.PromptSetImport;
import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChoiceQuestionTest {
    private static final Task LOGIC = PromptSetFiles.load(Path.of("../sample-prompts/multiple-choice.rationale.json"))
            .tasks().getFirst();

    @Test
    void aLetterTaskScoresTheLettersItsCaseShows() {
        TestCase threeOptions = LOGIC.cases().stream().filter(c -> "c05".equals(c.id())).findFirst().orElseThrow();

        ChoiceQuestion question = ChoiceQuestion.of(LOGIC, DatasetCase.of(threeOptions));

        assertThat(question.options()).containsExactly("A", "B", "C");
        assertThat(question.accepted()).containsExactly("A");
    }

    @Test
    void aLetterIsWrittenAsTheExemplarsWriteAnAnswer() {
        var variant = LOGIC.variant("few-shot-3").orElseThrow();
        TestCase c05 = LOGIC.cases().stream().filter(c -> "c05".equals(c.id())).findFirst().orElseThrow();
        RenderedPrompt prompt = PromptRenderer.render(LOGIC, variant, c05);

        String continuation = ChoiceScoring.continuation(prompt,
                PromptRenderer.answerText(LOGIC, variant, c05, "B"));

        assertThat(continuation).isEqualTo(" The answer is (B).");
        assertThat(((RenderedPrompt.Text) prompt).prompt()).endsWith("A:");
    }

    @Test
    void inputsWithoutLetteredOptionsGetEveryLetterOfTheFormat() {
        DatasetCase plain = DatasetCase.of(new TestCase("x", Map.of("question", "Pick one", "options", "none"), "b"));

        ChoiceQuestion question = ChoiceQuestion.of(LOGIC, plain);

        assertThat(question.options()).containsExactly("A", "B", "C", "D", "E");
        assertThat(question.isCorrect("B")).isTrue();
    }

    @Test
    void aCaseWithChoicesOfItsOwnScoresTheirTextsWithTiedTopChoicesAllCorrect() {
        TestCase colour = new TestCase("x", Map.of("question", "Red and white make"), "pink", List.of(
                Choice.of("pink", 1), Choice.of("light red", 1), Choice.of("black", 0)));

        ChoiceQuestion question = ChoiceQuestion.of(EvalFixtures.sums(1), DatasetCase.of(colour));

        assertThat(question.options()).containsExactly("pink", "light red", "black");
        assertThat(question.accepted()).containsExactly("pink", "light red");
        assertThat(ChoiceQuestion.of(LOGIC, DatasetCase.of(colour))).as("even in a letter task").isEqualTo(question);
    }

    @Test
    void aSavedBigBenchImportAsksTheSameQuestionsAsItsDatasetFile(@TempDir Path dir) {
        Dataset dataset = Datasets.read(Path.of("../sample-prompts/everyday-science.bigbench.json"));
        Path file = dir.resolve("science.rationale.json");
        PromptSetFiles.save(PromptSetImport.newSet(dataset, null, 0).promptSet(), file);
        Task task = PromptSetFiles.load(file).tasks().getFirst();

        List<ChoiceQuestion> fromTheSet = ChoiceQuestion.of(task, task.cases().stream().map(DatasetCase::of).toList());

        assertThat(fromTheSet).hasSize(6).noneMatch(ChoiceQuestion::isEmpty)
                .isEqualTo(ChoiceQuestion.of(task, Datasets.mapOnto(dataset, task, Map.of())));
        assertThat(fromTheSet.getFirst()).isEqualTo(new ChoiceQuestion(
                List.of("a steel key", "a cork", "a glass marble", "a coin"), List.of("a cork")));
    }

    @Test
    void aCaseWithoutAnExpectedLetterOrOfAFreeAnswerTaskHasNoOptions() {
        DatasetCase unknown = DatasetCase.of(new TestCase("x", Map.of("question", "q", "options", "(A) a"), null));
        Task sums = EvalFixtures.sums(1);

        assertThat(ChoiceQuestion.of(LOGIC, unknown).isEmpty()).isTrue();
        assertThat(ChoiceQuestion.of(sums, DatasetCase.of(sums.cases().getFirst()))).isEqualTo(ChoiceQuestion.NONE);
        assertThat(ChoiceQuestion.of(sums, List.of(DatasetCase.of(sums.cases().getFirst()))))
                .containsExactly(ChoiceQuestion.NONE);
    }
}
