// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of one multiple-choice case, as the likelihood pass scores them: each option is written as the
 * variant's exemplars write an answer and scored as the continuation of the case's prompt.
 *
 * <p>Where the options come from:
 * <ul>
 *   <li>a test case with choices of its own ({@link TestCase#choices()}: a prompt set's case, or a dataset's case
 *       with BIG-bench {@code target_scores}): the choices' texts; the accepted answers are the top-scored ones.
 *       So a saved set alone is enough to score its cases;</li>
 *   <li>a case of a task whose answer is a letter ({@code extract: choice}): the letters of the answer format's
 *       {@code choices} that the case's inputs show as {@code (X)}, or all of them when the inputs show none; the
 *       accepted answer is the expected letter. The letters, not the options' texts, are scored, because the task's
 *       exemplars answer with a letter and the prompt asks for one;</li>
 *   <li>any other case has no options ({@link #NONE}) and is left to generation alone.</li>
 * </ul>
 *
 * @param options the answers to score, in order, without duplicates; empty for a case that is not multiple choice
 * @param accepted the options that count as correct
 */
public record ChoiceQuestion(List<String> options, List<String> accepted) {

    /** A case that is not multiple choice. */
    public static final ChoiceQuestion NONE = new ChoiceQuestion(List.of(), List.of());

    public ChoiceQuestion {
        options = List.copyOf(options);
        accepted = List.copyOf(accepted);
    }

    public boolean isEmpty() {
        return options.isEmpty();
    }

    public boolean isCorrect(String option) {
        return accepted.contains(option);
    }

    /** The options of each case, in order: {@link #NONE} where a case has none. */
    public static List<ChoiceQuestion> of(Task task, List<DatasetCase> cases) {
        return cases.stream().map(c -> of(task, c)).toList();
    }

    /** The options of one case of {@code task}, or {@link #NONE}. */
    public static ChoiceQuestion of(Task task, DatasetCase datasetCase) {
        TestCase testCase = datasetCase.testCase();
        if (testCase.hasChoices()) {
            List<String> texts = testCase.choices().stream().map(c -> String.valueOf(c.text())).distinct().toList();
            return new ChoiceQuestion(texts, testCase.topChoices());
        }
        AnswerFormat format = task.effectiveAnswer();
        String expected = testCase.expected();
        if (format.effectiveExtract() != ExtractRule.CHOICE || expected == null || expected.isBlank()) {
            return NONE;
        }
        List<String> letters = letters(format.effectiveChoices());
        List<String> shown = letters.stream()
                .filter(l -> testCase.inputs().values().stream().anyMatch(v -> v.contains("(" + l + ")")))
                .toList();
        List<String> accepted = datasetCase.answers().stream().map(a -> a.strip().toUpperCase(Locale.ROOT)).toList();
        return new ChoiceQuestion(shown.isEmpty() ? letters : shown, accepted);
    }

    private static List<String> letters(String choices) {
        List<String> letters = new ArrayList<>();
        choices.codePoints().mapToObj(Character::toString).map(s -> s.toUpperCase(Locale.ROOT))
                .filter(s -> !s.isBlank() && !letters.contains(s)).forEach(letters::add);
        return letters;
    }
}
