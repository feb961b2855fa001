// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The answer formats of the sample prompt sets, written out here, graded on completions a model might give. */
class SamplePromptStylesTest {
    private static final AnswerGrader ARITHMETIC = AnswerGrader.of(
            new AnswerFormat(ExtractRule.ANSWER_IS, null, ExtractRule.LAST_NUMBER, null, CompareRule.NUMERIC));
    private static final AnswerGrader MULTIPLE_CHOICE = AnswerGrader.of(
            new AnswerFormat(ExtractRule.CHOICE, null, null, "ABCDE", CompareRule.CHOICE));
    private static final AnswerGrader TRANSLATION = AnswerGrader.of(new AnswerFormat(
            ExtractRule.REGEX, "(?m)^[ \\t]*(?!Notes:)(?<answer>\\S.*)$", null, null, CompareRule.TEXT));
    private static final AnswerGrader CODE = AnswerGrader.of(
            new AnswerFormat(ExtractRule.CODE_BLOCK, null, null, null, CompareRule.NONE));

    @Test
    void arithmeticChainOfThoughtWithDecimals() {
        String completion = " Two sandwiches cost 2 * 4.50 = 9.00 dollars. Adding the drink, 9.00 + 1.75 = 10.75"
                + " dollars. The answer is 10.75.";

        assertThat(ARITHMETIC.grade(completion, "10.75")).isEqualTo(new Grade(Verdict.CORRECT, "10.75", "10.75"));
    }

    @Test
    void arithmeticAnswerWithCurrencyAndTrailingZero() {
        String completion = "7 coins × 50 cents = 350 cents = $3.50.\n12 coins × 10 cents = 120 cents = $1.20.\n"
                + "Total: $3.50 + $1.20 = $4.70.\n\n**The answer is $4.70.**";

        assertThat(ARITHMETIC.grade(completion, "4.70")).isEqualTo(new Grade(Verdict.CORRECT, "$4.70", "4.7"));
    }

    @Test
    void arithmeticAnswerWithUnitIsCompared() {
        String completion = " 25% of 600 is 600 * 25 / 100 = 150. The answer is 150 litres.";

        assertThat(ARITHMETIC.grade(completion, "150").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void arithmeticDirectReplyFallsBackToTheLastNumber() {
        assertThat(ARITHMETIC.grade(" 42", "42")).isEqualTo(new Grade(Verdict.CORRECT, "42", "42"));
    }

    @Test
    void arithmeticWrongChainOfThoughtIsWrong() {
        String completion = " 30 students, 40% walk, so 30 * 0.4 = 12 walk. The answer is 12.";

        assertThat(ARITHMETIC.grade(completion, "18").verdict()).isEqualTo(Verdict.WRONG);
    }

    @Test
    void multipleChoiceChainOfThoughtInTheExemplarStyle() {
        String completion = " Nine days is one week plus two days. One week from Thursday is Thursday again, and two"
                + " more days is Saturday. The answer is (C).";

        assertThat(MULTIPLE_CHOICE.grade(completion, "C")).isEqualTo(new Grade(Verdict.CORRECT, "C", "C"));
    }

    @Test
    void multipleChoiceAnswerFollowedByItsReason() {
        String completion = "The answer is (C) because Lucas finished behind Priya and Omar, and only Dana was after"
                + " him. (D) is last.";

        assertThat(MULTIPLE_CHOICE.grade(completion, "C").verdict()).isEqualTo(Verdict.CORRECT);
    }

    @Test
    void multipleChoiceBareLetterReply() {
        assertThat(MULTIPLE_CHOICE.grade(" E", "E").verdict()).isEqualTo(Verdict.CORRECT);
        assertThat(MULTIPLE_CHOICE.grade(" (B)", "E").verdict()).isEqualTo(Verdict.WRONG);
    }

    @Test
    void translationSkipsTheNotesLine() {
        String completion = " Notes: \"How much\" is \"combien\", and French puts a space before \"?\".\n"
                + "Combien coûte ce vélo ?";

        assertThat(TRANSLATION.grade(completion, "Combien coûte ce vélo ?"))
                .isEqualTo(new Grade(Verdict.CORRECT, "Combien coûte ce vélo ?", "combien coûte ce vélo"));
    }

    @Test
    void translationIgnoresTypographicDifferences() {
        String completion = " Je n’ai jamais mangé une soupe aussi bonne\n\nEnglish: next sentence";

        assertThat(TRANSLATION.grade(completion, "Je n'ai jamais mangé une soupe aussi bonne.").verdict())
                .isEqualTo(Verdict.CORRECT);
        assertThat(TRANSLATION.grade(" Combien coûte ce vélo?", "Combien coûte ce vélo ?").verdict())
                .isEqualTo(Verdict.CORRECT);
    }

    @Test
    void translationWithDifferentWordsIsWrong() {
        assertThat(TRANSLATION.grade(" Le train était en retard de vingt minutes.",
                "Le train avait vingt minutes de retard.").verdict()).isEqualTo(Verdict.WRONG);
    }

    @Test
    void codeBlockIsExtractedWithItsIndentationAndLeftUngraded() {
        String code = "def reverse_words(sentence: str) -> str:\n"
                + "    \"\"\"Return the words of sentence in reverse order, separated by single spaces.\"\"\"\n"
                + "    return \" \".join(reversed(sentence.split()))";
        String completion = "Plan: split on whitespace, reverse the list and join with single spaces.\n"
                + "```python\n" + code + "\n```\n";

        assertThat(CODE.grade(completion, code)).isEqualTo(new Grade(Verdict.UNGRADED, code, code));
    }
}
