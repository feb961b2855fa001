// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasoningStepsTest {
    private static final double EPSILON = 1e-12;
    private final ReasoningSteps answerIs = ReasoningSteps.of(AnswerFormat.DEFAULT);

    /** Tokens whose texts are the "|"-separated parts of {@code texts}, with these probabilities. */
    private static List<ScoredToken> tokens(String texts, double... probabilities) {
        String[] parts = texts.split("\\|", -1);
        assertThat(parts).hasSameSizeAs(probabilities);
        List<ScoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            tokens.add(new ScoredToken(parts[i], List.of(), Math.log(probabilities[i]), List.of()));
        }
        return tokens;
    }

    /** Tokens of the given texts, each with probability 0.5. */
    private static List<ScoredToken> tokens(String texts) {
        double[] half = new double[texts.split("\\|", -1).length];
        Arrays.fill(half, 0.5);
        return tokens(texts, half);
    }

    private static List<String> texts(List<Passage> passages) {
        return passages.stream().map(Passage::text).toList();
    }

    @Test
    void rationaleIsTheTextBeforeTheAnswer() {
        String text = "6 times 7 is 42. So the answer is 42.";
        List<ScoredToken> tokens = tokens("6| times| 7| is| 42|.| So| the| answer| is| 42|.",
                0.9, 0.8, 0.7, 0.6, 0.5, 1.0, 0.4, 0.9, 0.9, 0.9, 0.6, 0.99);

        ReasoningChain chain = answerIs.analyze("", text, tokens);

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.FULL);
        assertThat(texts(chain.steps())).containsExactly("6 times 7 is 42.", "So the answer is");
        Passage first = chain.steps().get(0);
        assertThat(first.field()).isEqualTo(SampleField.TEXT);
        assertThat(first.range()).isEqualTo(new Range(0, 16));
        assertThat(first.tokenTextRange()).isEqualTo(new Range(0, 16));
        assertThat(first.tokenIndexes()).isEqualTo(new Range(0, 6));
        assertThat(first.tokens()).isEqualTo(tokens.subList(0, 6));
        assertThat(first.confidence()).isNotNull();
        assertThat(first.confidence().mean()).isCloseTo(0.75, within(EPSILON));
        assertThat(first.confidence().lowest()).isCloseTo(0.5, within(EPSILON));
        assertThat(first.confidence().lowestToken()).isEqualTo(4);
        assertThat(first.confidence().lowestText()).isEqualTo(" 42");
        assertThat(first.confidence().scoredTokens()).isEqualTo(6);
        Passage second = chain.steps().get(1);
        assertThat(second.range()).isEqualTo(new Range(17, 33));
        assertThat(second.tokenIndexes()).isEqualTo(new Range(6, 10));
        assertThat(second.confidence().mean()).isCloseTo(0.775, within(EPSILON));
        assertThat(second.confidence().lowestText()).isEqualTo(" So");
    }

    @Test
    void answerHasItsPlaceTokensAndConfidence() {
        String text = "6 times 7 is 42. So the answer is 42.";
        List<ScoredToken> tokens = tokens("6| times| 7| is| 42|.| So| the| answer| is| 42|.",
                0.9, 0.8, 0.7, 0.6, 0.5, 1.0, 0.4, 0.9, 0.9, 0.9, 0.6, 0.99);

        ReasoningChain chain = answerIs.analyze("", text, tokens);

        assertThat(chain.answer()).isEqualTo("42");
        Passage answer = chain.answerPassage();
        assertThat(answer).isNotNull();
        assertThat(answer.range()).isEqualTo(new Range(34, 36));
        assertThat(answer.tokenIndexes()).isEqualTo(new Range(10, 11));
        assertThat(chain.answerConfidence()).isCloseTo(0.6, within(EPSILON));
    }

    @Test
    void separateReasoningGivesTheStepsWhenTokensCoverBoth() {
        String reasoning = "Half of 10 is 5.\nPlus 2 is 7.";
        String text = "The answer is 7.";
        List<ScoredToken> tokens = tokens("Half| of| 10| is| 5|.\n|Plus| 2| is| 7|.|The| answer| is| 7|.",
                0.9, 0.9, 0.9, 0.9, 0.3, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 1.0, 1.0, 1.0, 0.7, 1.0);

        ReasoningChain chain = answerIs.analyze(reasoning, text, tokens);

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.FULL);
        assertThat(texts(chain.steps())).containsExactly("Half of 10 is 5.", "Plus 2 is 7.");
        assertThat(chain.steps()).allSatisfy(step -> assertThat(step.field()).isEqualTo(SampleField.REASONING));
        // ".\n" ends the first step and only touches the second's line break, so it belongs to the first alone.
        assertThat(chain.steps().get(0).tokenIndexes()).isEqualTo(new Range(0, 6));
        assertThat(chain.steps().get(0).confidence().mean()).isCloseTo(0.8, within(EPSILON));
        assertThat(chain.steps().get(1).range()).isEqualTo(new Range(17, 29));
        assertThat(chain.steps().get(1).tokenIndexes()).isEqualTo(new Range(6, 11));
        assertThat(chain.answer()).isEqualTo("7");
        assertThat(chain.answerPassage().field()).isEqualTo(SampleField.TEXT);
        assertThat(chain.answerPassage().range()).isEqualTo(new Range(14, 15));
        assertThat(chain.answerPassage().tokenTextRange()).isEqualTo(new Range(43, 44));
        assertThat(chain.answerConfidence()).isCloseTo(0.7, within(EPSILON));
    }

    @Test
    void reasoningTheTokensDoNotCoverIsLeftUnscored() {
        ReasoningChain chain = answerIs.analyze("Half of 10 is 5.\nPlus 2 is 7.", "The answer is 7.",
                tokens("The| answer| is| 7|.", 1.0, 1.0, 1.0, 0.7, 1.0));

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.TEXT_ONLY);
        assertThat(texts(chain.steps())).containsExactly("Half of 10 is 5.", "Plus 2 is 7.");
        assertThat(chain.steps()).allSatisfy(step -> {
            assertThat(step.scored()).isFalse();
            assertThat(step.tokens()).isEmpty();
            assertThat(step.tokenTextRange()).isNull();
        });
        assertThat(chain.answerPassage().tokenIndexes()).isEqualTo(new Range(3, 4));
        assertThat(chain.answerConfidence()).isCloseTo(0.7, within(EPSILON));
    }

    @Test
    void tokensOfTheRawThinkOutputLineUpWithTheSplitReasoning() {
        // What a raw endpoint returns: the tokens hold the tags the provider took out of reasoning and text.
        List<ScoredToken> tokens = tokens("\n|<think>|\nA|.\nB|.|</think>|\n\nThe| answer| is| 7|.",
                1.0, 1.0, 0.5, 0.25, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 1.0);

        ReasoningChain chain = answerIs.analyze("\nA.\nB.", "\n\nThe answer is 7.", tokens);

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.FULL);
        assertThat(texts(chain.steps())).containsExactly("A.", "B.");
        Passage first = chain.steps().get(0);
        assertThat(first.range()).isEqualTo(new Range(1, 3));
        assertThat(first.tokenTextRange()).isEqualTo(new Range(9, 11));
        assertThat(first.tokenIndexes()).isEqualTo(new Range(2, 4));
        assertThat(first.confidence().mean()).isCloseTo(0.375, within(EPSILON));
        assertThat(chain.steps().get(1).tokenIndexes()).isEqualTo(new Range(3, 5));
        assertThat(chain.answerPassage().tokenIndexes()).isEqualTo(new Range(9, 10));
        assertThat(chain.answerConfidence()).isCloseTo(0.8, within(EPSILON));
    }

    @Test
    void reasoningCutOffInsideTheThinkTagsStillLinesUp() {
        ReasoningChain chain = answerIs.analyze("Let me see.\nHmm", "",
                tokens("<think>|Let| me| see|.\n|Hmm", 1.0, 0.9, 0.9, 0.9, 0.9, 0.4));

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.FULL);
        assertThat(chain.steps().get(1).confidence().mean()).isCloseTo(0.4, within(EPSILON));
        assertThat(chain.answer()).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} / {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '~', textBlock = """
            ~~        ; Hi there. The answer is 3. ; Hello| there.| The| answer| is| 3|.
            ~~        ; The answer is 3.           ; The| answer| is| 3| .
            ~~        ; The answer is 3.           ; The| answer| is| 3
            Thinking. ; The answer is 3.           ; Thinking.| The| answer| is| 3|.
            Thinking. ; The answer is 3.           ; <think>|Thinking.|</think>|<think>|The| answer| is| 3|.
            Thinking. ; The answer is 3.           ; <think>|Thinking.|The| answer| is| 3|.
            Thinking. ; The answer is 3.           ; <think>|Thinking|</think>|The| answer| is| 3|.
            """)
    void tokensThatDoNotMatchTheTextScoreNothing(String reasoning, String text, String tokenTexts) {
        ReasoningChain chain = answerIs.analyze(reasoning, text, tokens(tokenTexts));

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.NONE);
        assertThat(chain.steps()).isNotEmpty().noneMatch(Passage::scored);
        assertThat(chain.answer()).isEqualTo("3");
        assertThat(chain.answerPassage().scored()).isFalse();
        assertThat(chain.answerPassage().tokenIndexes().isEmpty()).isTrue();
        assertThat(chain.answerConfidence()).isNull();
    }

    @Test
    void sampleWithoutTokensHasStepsWithoutScores() {
        ReasoningChain chain = answerIs.analyze("", "First.\nSecond, so the answer is 9.", List.of());

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.NONE);
        assertThat(texts(chain.steps())).containsExactly("First.", "Second, so the answer is");
        assertThat(chain.answer()).isEqualTo("9");
        assertThat(chain.answerPassage().range()).isEqualTo(new Range(32, 33));
        assertThat(chain.answerConfidence()).isNull();
    }

    @Test
    void tokensWithoutLogprobsGiveNoConfidence() {
        List<ScoredToken> tokens = List.of(new ScoredToken("The answer is", List.of(), null, List.of()),
                new ScoredToken(" 5", List.of(), null, List.of()));

        ReasoningChain chain = answerIs.analyze("", "The answer is 5", tokens);

        assertThat(chain.alignment()).isEqualTo(TokenAlignment.FULL);
        assertThat(chain.steps().getFirst().tokens()).hasSize(1);
        assertThat(chain.steps().getFirst().confidence()).isNull();
        assertThat(chain.answerPassage().tokens()).hasSize(1);
        assertThat(chain.answerConfidence()).isNull();
    }

    @Test
    void thinkTagsLeftInTheTextHoldTheChain() {
        String text = "<think>Step A.\nStep B.</think>The answer is 3.";

        List<ScoredToken> tokens = tokens("<think>|Step| A|.\n|Step| B|.|</think>|The answer is| 3|.");

        ReasoningChain chain = answerIs.analyze("", text, tokens);

        assertThat(texts(chain.steps())).containsExactly("Step A.", "Step B.");
        assertThat(chain.steps().get(0).field()).isEqualTo(SampleField.TEXT);
        assertThat(chain.steps().get(0).range()).isEqualTo(new Range(7, 14));
        assertThat(chain.steps().get(0).tokenIndexes()).isEqualTo(new Range(1, 4));
        assertThat(chain.answer()).isEqualTo("3");
        assertThat(chain.answerPassage().range()).isEqualTo(new Range(44, 45));
        assertThat(chain.answerPassage().tokenIndexes()).isEqualTo(new Range(9, 10));
    }

    @Test
    void unclosedThinkTagInTheTextIsAllChainAndNoAnswer() {
        ReasoningChain chain = answerIs.analyze("", "<think>Let me see. The answer is 4", List.of());

        assertThat(texts(chain.steps())).containsExactly("Let me see.", "The answer is 4");
        assertThat(chain.answer()).isNull();
        assertThat(chain.answerPassage()).isNull();
    }

    @Test
    void textWithoutAnAnswerIsAllChain() {
        ReasoningChain chain = answerIs.analyze("", "I do not know. Sorry.", tokens("I do not know.| Sorry."));

        assertThat(texts(chain.steps())).containsExactly("I do not know.", "Sorry.");
        assertThat(chain.answer()).isNull();
        assertThat(chain.answerPassage()).isNull();
        assertThat(chain.answerConfidence()).isNull();
    }

    @Test
    void emptySampleHasNothing() {
        ReasoningChain chain = answerIs.analyze("", "", List.of());

        assertThat(chain.steps()).isEmpty();
        assertThat(chain.answer()).isNull();
        assertThat(chain.alignment()).isEqualTo(TokenAlignment.NONE);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
            ANSWER_IS   | The answer is 42. Check: 6 × 7 = 42.  | 42 | 14
            ANSWER_IS   | the answer is 4. Not 42, not 14.      | 4  | 14
            LAST_NUMBER | 42 is 6 × 7, so 42                    | 42 | 16
            CHOICE      | Both are fine, but the answer is (b). | B  | 34
            FIRST_LINE  | ~Paris\nParis is the capital.~        | Paris | 0
            """)
    void answerIsFoundWhereTheRuleReadIt(ExtractRule rule, String text, String answer, int start) {
        ReasoningSteps steps = ReasoningSteps.of(new AnswerFormat(rule, null, null, null, null));

        ReasoningChain chain = steps.analyze("", text.replace("\\n", "\n"), List.of());

        assertThat(chain.answer()).isEqualTo(answer);
        assertThat(chain.answerPassage().range()).isEqualTo(new Range(start, start + answer.length()));
    }

    @Test
    void emptyTokenOfASplitCharacterBelongsToTheStepOfThatCharacter() {
        // A tokenizer split "é" over two tokens: the first has no text of its own, the second the whole character.
        ReasoningChain chain = answerIs.analyze("", "a\né", tokens("a|\n||é", 0.5, 0.5, 0.2, 0.8));

        assertThat(chain.steps().get(0).tokenIndexes()).isEqualTo(new Range(0, 1));
        assertThat(chain.steps().get(1).tokenIndexes()).isEqualTo(new Range(2, 4));
        assertThat(chain.steps().get(1).confidence().lowestToken()).isEqualTo(2);
        assertThat(chain.steps().get(1).confidence().lowestText()).isEmpty();
    }

    @Test
    void analyzesACompletionSample() {
        var sample = new CompletionResult.Sample("The answer is 12.", "3 boxes of 4 make 12.",
                tokens("3 boxes of 4 make 12.|The answer is| 12|.", 0.6, 1.0, 0.9, 1.0), FinishReason.STOP);

        ReasoningChain chain = answerIs.analyze(sample);

        assertThat(texts(chain.steps())).containsExactly("3 boxes of 4 make 12.");
        assertThat(chain.steps().getFirst().confidence().mean()).isCloseTo(0.6, within(EPSILON));
        assertThat(chain.answerConfidence()).isCloseTo(0.9, within(EPSILON));
    }

    @Test
    void stepTextIsItsRangeOfTheField() {
        String reasoning = "  First line.\n\n- second\r\n3. third  ";
        ReasoningChain chain = answerIs.analyze(reasoning, "The answer is 3.", List.of());

        assertThat(chain.steps()).allSatisfy(step -> assertThat(step.range().of(reasoning)).isEqualTo(step.text()));
        assertThat(texts(chain.steps())).containsExactly("First line.", "- second", "3. third");
    }
}
