// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

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
 */
@JsonPropertyOrder({"extract", "pattern", "fallback", "choices", "compare"})
public record AnswerFormat(
        @Nullable ExtractRule extract,
        @Nullable String pattern,
        @Nullable ExtractRule fallback,
        @Nullable String choices,
        @Nullable CompareRule compare) {

    public static final String DEFAULT_CHOICES = "ABCDE";
    public static final AnswerFormat DEFAULT = new AnswerFormat(null, null, null, null, null);

    public ExtractRule effectiveExtract() {
        return extract == null ? ExtractRule.ANSWER_IS : extract;
    }

    public CompareRule effectiveCompare() {
        return compare == null ? CompareRule.TEXT : compare;
    }

    public String effectiveChoices() {
        return choices == null || choices.isEmpty() ? DEFAULT_CHOICES : choices;
    }
}
