// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * How a task's final answer is read out of a completion and compared with the expected one. Fields hold what
 * the file says; the {@code effective...} methods give the documented defaults.
 *
 * @param extract the rule that finds the answer in the text
 * @param pattern the regular expression of the {@link ExtractRule#REGEX} rule
 * @param fallback a second rule, tried when the first finds nothing
 * @param choices the letters a {@link ExtractRule#CHOICE} answer may be, e.g. {@code ABCD}
 * @param compare how an extracted answer is compared with the expected one
 * @param threshold for a rule that {@link CompareRule#scores scores}, the score an answer needs to pass, on the
 *     rule's own scale (see {@link #effectiveThreshold})
 * @param judge the judge of a {@link CompareRule#JUDGE} rule
 * @param tests how a {@link CompareRule#TESTS} rule runs the code
 */
@JsonPropertyOrder({"extract", "pattern", "fallback", "choices", "compare", "threshold", "judge", "tests"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerFormat(
        @Nullable ExtractRule extract,
        @Nullable String pattern,
        @Nullable ExtractRule fallback,
        @Nullable String choices,
        @Nullable CompareRule compare,
        @Nullable Double threshold,
        @Nullable JudgeSpec judge,
        @Nullable CodeTestsSpec tests) {

    public static final String DEFAULT_CHOICES = "ABCDE";
    /** chrF, on sacreBLEU's 0-100 scale, that a translation needs to pass when the format names none. */
    public static final double DEFAULT_CHRF_THRESHOLD = 50;
    public static final AnswerFormat DEFAULT = new AnswerFormat(null, null, null, null, null);

    /** A format graded by matching answers. */
    public AnswerFormat(@Nullable ExtractRule extract, @Nullable String pattern, @Nullable ExtractRule fallback,
            @Nullable String choices, @Nullable CompareRule compare) {
        this(extract, pattern, fallback, choices, compare, null, null, null);
    }

    public ExtractRule effectiveExtract() {
        return extract == null ? ExtractRule.ANSWER_IS : extract;
    }

    public CompareRule effectiveCompare() {
        return compare == null ? CompareRule.TEXT : compare;
    }

    public String effectiveChoices() {
        return choices == null || choices.isEmpty() ? DEFAULT_CHOICES : choices;
    }

    /**
     * The score that passes: the file's threshold, else chrF {@value #DEFAULT_CHRF_THRESHOLD}, a judge's
     * {@link JudgeSpec#defaultThreshold}, or every test passing (1). Zero for rules that do not score.
     */
    public double effectiveThreshold() {
        if (threshold != null) {
            return threshold;
        }
        return switch (effectiveCompare()) {
            case CHRF -> DEFAULT_CHRF_THRESHOLD;
            case JUDGE -> effectiveJudge().defaultThreshold();
            case TESTS -> 1;
            default -> 0;
        };
    }

    /** The judge of a judge rule, with its defaults where the file names none. */
    public JudgeSpec effectiveJudge() {
        return judge == null ? JudgeSpec.DEFAULT : judge;
    }

    /** How the tests of a tests rule run, with defaults where the file names none. */
    public CodeTestsSpec effectiveTests() {
        return tests == null ? CodeTestsSpec.DEFAULT : tests;
    }
}
