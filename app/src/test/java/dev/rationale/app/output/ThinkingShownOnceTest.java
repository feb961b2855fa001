// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.analysis.Passage;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.provider.ScoredToken;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Thinking is shown once, folded: the answer's tokens start after the thinking's, and the reasoning steps are the
 * answer's own unless the answer has none.
 */
class ThinkingShownOnceTest {
    private static final String THINKING = "The sum is 3 + 4.\nMaybe 8?\nNo: 7.";
    private static final AnswerFormat FORMAT = new AnswerFormat(ExtractRule.LAST_NUMBER, null, null, null, null);

    private static List<ScoredToken> tokens(String... texts) {
        return Stream.of(texts).map(t -> new ScoredToken(t, List.of(), -0.1, List.of())).toList();
    }

    /** The raw output the embedded engine scores: the think block, then the answer (which keeps its blank lines). */
    private static List<ScoredToken> thinkingThen(String... answer) {
        List<ScoredToken> head = tokens("<think>", "The sum is 3 + 4.", "\nMaybe 8?", "\nNo: 7.", "</think>");
        return Stream.concat(head.stream(), tokens(answer).stream()).toList();
    }

    @Test
    void theAnswersTokensStartAfterTheThinkingsScoredTokensAndItsBlankLines() {
        List<ScoredToken> all = thinkingThen("\n\n", "The answer", " is 7.");

        assertThat(StreamedAnswer.answerStart(all, List.of(), THINKING, "\n\nThe answer is 7.")).isEqualTo(6);
        assertThat(StreamedAnswer.answerStart(all.subList(0, 7), all.subList(7, 8), THINKING, "\n\nThe answer is 7."))
                .isEqualTo(6);
    }

    @Test
    void withoutThinkingOrWithOnlyTheAnswerScoredEveryTokenIsTheAnswers() {
        List<ScoredToken> answer = tokens("The answer", " is 7.");

        assertThat(StreamedAnswer.answerStart(answer, List.of(), "", "The answer is 7.")).isZero();
        assertThat(StreamedAnswer.answerStart(answer, List.of(), THINKING, "The answer is 7.")).isZero();
    }

    @Test
    void whileOnlyThinkingHasComeNoTokenIsTheAnswers() {
        List<ScoredToken> sofar = thinkingThen().subList(0, 3);

        assertThat(StreamedAnswer.answerStart(sofar, List.of(), "The sum is 3 + 4.\nMaybe 8?", "")).isEqualTo(3);
    }

    @Test
    void theStepsAreTheAnswersOwnWhenItReasons() {
        String text = "\n\n3 + 4 = 7.\nThe answer is 7.";
        ShownSteps shown = ShownSteps.of(FORMAT, THINKING, text, thinkingThen("\n\n", "3 + 4 = 7.",
                "\nThe answer is 7."));

        assertThat(shown.fromThinking()).isFalse();
        assertThat(shown.chain().steps()).extracting(Passage::text).containsExactly("3 + 4 = 7.", "The answer is");
        // Token indexes count the thinking's tokens, so resampling from the step starts at the right token.
        assertThat(shown.chain().steps().getFirst().tokenIndexes().start()).isEqualTo(6);
        assertThat(shown.chain().steps().getFirst().confidence()).isNotNull();
    }

    @Test
    void theThinkingsStepsAreShownLabelledWhenTheAnswerHasNone() {
        ShownSteps shown = ShownSteps.of(FORMAT, THINKING, "\n\n7", thinkingThen("\n\n7"));

        assertThat(shown.fromThinking()).isTrue();
        assertThat(shown.chain().steps()).extracting(Passage::text)
                .containsExactly("The sum is 3 + 4.", "Maybe 8?", "No: 7.");
    }

    @Test
    void withoutThinkingTheStepsAreTheAnswersAsBefore() {
        ShownSteps shown = ShownSteps.of(FORMAT, "", "7", tokens("7"));

        assertThat(shown.fromThinking()).isFalse();
        assertThat(shown.chain().steps()).isEmpty();
    }
}
