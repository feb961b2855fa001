// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.render.PromptRenderer;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void aCaseWithoutAnExpectedLetterOrOfAFreeAnswerTaskHasNoOptions() {
        DatasetCase unknown = DatasetCase.of(new TestCase("x", Map.of("question", "q", "options", "(A) a"), null));
        Task sums = EvalFixtures.sums(1);

        assertThat(ChoiceQuestion.of(LOGIC, unknown).isEmpty()).isTrue();
        assertThat(ChoiceQuestion.of(sums, DatasetCase.of(sums.cases().getFirst()))).isEqualTo(ChoiceQuestion.NONE);
        assertThat(ChoiceQuestion.of(sums, List.of(DatasetCase.of(sums.cases().getFirst()))))
                .containsExactly(ChoiceQuestion.NONE);
    }
}
