// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.JudgeSpec;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What the validator says of a judge: its scale, its threshold, its prompt's placeholders, where it is used. */
class JudgeSpecRulesTest {
    private final PromptSetValidator validator = new PromptSetValidator();

    private static PromptSet judged(CompareRule compare, @Nullable Double threshold, JudgeSpec judge) {
        Task task = PromptSetFixtures.minimalTask();
        AnswerFormat answer = new AnswerFormat(ExtractRule.WHOLE, null, null, null, compare, threshold, judge, null);
        return PromptSet.of("x", List.of(new Task(task.id(), task.title(), task.description(), task.template(),
                answer, task.exemplars(), task.cases(), task.variants())));
    }

    private static JudgeSpec judge(@Nullable Integer min, @Nullable Integer max, @Nullable String prompt) {
        return new JudgeSpec(null, null, "Correct.", min, max, prompt);
    }

    private List<String> errors(PromptSet set) {
        return validator.validate(set).errors().stream().map(Problem::format).toList();
    }

    @Test
    void aJudgeWithTheBuiltInPromptAndDefaultsIsFine() {
        ValidationReport report = validator.validate(judged(CompareRule.JUDGE, null, judge(null, null, null)));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void anEditedPromptWithTheKnownPlaceholdersIsFine() {
        String prompt = "{{question}} {{answer}} {{#expected}}{{expected}}{{/expected}} {{criteria}} {{min}}-{{max}}";

        assertThat(errors(judged(CompareRule.JUDGE, 3.0, judge(1, 5, prompt)))).isEmpty();
    }

    @Test
    void unknownPlaceholdersAreNamedInOneLine() {
        String prompt = "Grade {{answer}} against {{reference}} for {{question}} ({{scale}})";

        assertThat(errors(judged(CompareRule.JUDGE, null, judge(null, null, prompt)))).containsExactly(
                "tasks[0].answer.judge.prompt: has unknown placeholders {{reference}}, {{scale}} (known: answer,"
                        + " criteria, expected, max, min, question)");
    }

    @Test
    void aPromptThatDoesNotParseIsRefused() {
        assertThat(errors(judged(CompareRule.JUDGE, null, judge(null, null, "{{#answer}} never closed"))))
                .singleElement().asString().startsWith("tasks[0].answer.judge.prompt: does not parse: ");
    }

    @Test
    void theScaleMustRise() {
        assertThat(errors(judged(CompareRule.JUDGE, null, judge(5, 5, null)))).containsExactly(
                "tasks[0].answer.judge.min: must be below max (5 is not below 5)");
        assertThat(errors(judged(CompareRule.JUDGE, null, judge(10, null, null)))).containsExactly(
                "tasks[0].answer.judge.min: must be below max (10 is not below 5)");
    }

    @Test
    void theThresholdMustBeOnTheScale() {
        assertThat(errors(judged(CompareRule.JUDGE, 7.0, judge(1, 5, null)))).containsExactly(
                "tasks[0].answer.threshold: must be on the judge's scale 1-5, got 7.0");
        assertThat(errors(judged(CompareRule.JUDGE, 0.0, judge(1, 5, null)))).containsExactly(
                "tasks[0].answer.threshold: must be on the judge's scale 1-5, got 0.0");
        assertThat(errors(judged(CompareRule.JUDGE, 10.0, judge(0, 10, null)))).isEmpty();
    }

    @Test
    void aJudgeOnARuleThatDoesNotJudgeIsAWarning() {
        ValidationReport report = validator.validate(judged(CompareRule.TEXT, null, judge(null, null, null)));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings().stream().map(Problem::format).toList()).containsExactly(
                "tasks[0].answer.judge: is not used unless compare is judge");
    }
}
