// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Inputs to ask the model about, with the expected final answer when one is known, and, for a multiple-choice
 * case, its scored options. A case with choices can be scored by likelihood from the set alone; in a valid set its
 * {@code expected} (when given) is one of the top-scored choices.
 *
 * @param choices the options in file order; empty when the case is not multiple choice (and then not written)
 */
@JsonPropertyOrder({"id", "inputs", "expected", "choices"})
public record TestCase(
        @Nullable String id,
        Map<String, String> inputs,
        @Nullable String expected,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Choice> choices) {

    public TestCase {
        inputs = Lists.copyOf(inputs);
        choices = Lists.copyOf(choices);
    }

    /** A case without choices. */
    public TestCase(@Nullable String id, Map<String, String> inputs, @Nullable String expected) {
        this(id, inputs, expected, List.of());
    }

    public static TestCase of(Map<String, String> inputs) {
        return new TestCase(null, inputs, null);
    }

    /** Whether the case has options to score by likelihood. */
    public boolean hasChoices() {
        return !choices.isEmpty();
    }

    /** The texts of the top-scored choices, the correct answers ({@link Choice#top}); empty without choices. */
    public List<String> topChoices() {
        return Choice.top(choices);
    }

    /** This case with other inputs, its id, expected answer and choices kept. */
    public TestCase withInputs(Map<String, String> newInputs) {
        return new TestCase(id, newInputs, expected, choices);
    }
}
