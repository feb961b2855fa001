// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One option of a multiple-choice test case with its score (BIG-bench's {@code target_scores}): the options with
 * the highest score are the correct answers, and a likelihood scorer ranks all of them. Both fields are required
 * in a valid set; they are nullable only so that a file missing one reaches the validator.
 *
 * @param text the option as the model would write it as its answer
 * @param score how good an answer the option is; any finite number
 */
@JsonPropertyOrder({"text", "score"})
public record Choice(@Nullable String text, @Nullable Double score) {

    /** An option of a case built in code (an importer's), where both fields are known. */
    public static Choice of(String text, double score) {
        return new Choice(text, score);
    }

    /**
     * The texts of the options with the highest score, in order: the correct answers (ties are all correct); empty
     * when there are none. Options without a text or a score, which only an invalid set has, are passed over.
     */
    public static List<String> top(List<Choice> choices) {
        List<Choice> scored = choices.stream().filter(Objects::nonNull)
                .filter(c -> c.text() != null && c.score() != null).toList();
        double top = scored.stream().mapToDouble(Choice::score).max().orElse(Double.NaN);
        return scored.stream().filter(c -> c.score() == top).map(Choice::text).toList();
    }
}
