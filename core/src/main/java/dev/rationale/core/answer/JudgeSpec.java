// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The judge model of a {@link CompareRule#JUDGE} answer format: which endpoint and model judge, by what criteria,
 * on what scale, with what prompt.
 *
 * @param endpoint the name of the endpoint that judges; null means the one being evaluated
 * @param model the judging model; null means the endpoint's configured model
 * @param criteria what a good answer does, in the user's words; shown to the judge
 * @param min the lowest score of the scale, 1 when null
 * @param max the highest score of the scale, 5 when null
 * @param prompt the judge prompt with its placeholders; null means the built-in default
 */
@JsonPropertyOrder({"endpoint", "model", "criteria", "min", "max", "prompt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JudgeSpec(
        @Nullable String endpoint,
        @Nullable String model,
        @Nullable String criteria,
        @Nullable Integer min,
        @Nullable Integer max,
        @Nullable String prompt) {

    /** The placeholders a judge prompt may use (see {@code docs/grading-judge.md}). */
    public static final Set<String> PLACEHOLDERS = Set.of("question", "answer", "expected", "criteria", "min", "max");

    public static final JudgeSpec DEFAULT = new JudgeSpec(null, null, null, null, null, null);

    public int effectiveMin() {
        return min == null ? 1 : min;
    }

    public int effectiveMax() {
        return max == null ? 5 : max;
    }

    /** Three quarters of the way up the scale: 4 of 1-5, 8 of 1-10 (rounded up). */
    public double defaultThreshold() {
        return Math.ceil(effectiveMin() + 0.75 * (effectiveMax() - effectiveMin()));
    }
}
