// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import org.jspecify.annotations.Nullable;

/**
 * What a BIG-bench task file says about itself and about how its prompts are laid out. Absent fields are null;
 * the {@code effective...} methods give BIG-bench's own defaults.
 *
 * @param name the task's {@code name}
 * @param description the task's {@code description}
 * @param taskPrefix {@code task_prefix}: text before the first example
 * @param inputPrefix {@code example_input_prefix}, BIG-bench default {@code "\nQ: "}
 * @param outputPrefix {@code example_output_prefix}, default {@code "\nA: "}
 * @param choicePrefix {@code choice_prefix}, default {@code "\n  choice: "}
 * @param appendChoices {@code append_choices_to_input}, default true
 * @param exampleSeparator {@code few_shot_example_separator}, default {@code "\n"}
 * @param stopString {@code stop_string}: where generation should stop
 * @param outputRegex {@code output_regex}: the part of the output that is the answer
 */
public record BigBenchSettings(
        @Nullable String name,
        @Nullable String description,
        @Nullable String taskPrefix,
        @Nullable String inputPrefix,
        @Nullable String outputPrefix,
        @Nullable String choicePrefix,
        @Nullable Boolean appendChoices,
        @Nullable String exampleSeparator,
        @Nullable String stopString,
        @Nullable String outputRegex) {

    public String effectiveInputPrefix() {
        return inputPrefix == null ? "\nQ: " : inputPrefix;
    }

    public String effectiveOutputPrefix() {
        return outputPrefix == null ? "\nA: " : outputPrefix;
    }

    public String effectiveChoicePrefix() {
        return choicePrefix == null ? "\n  choice: " : choicePrefix;
    }

    public boolean effectiveAppendChoices() {
        return appendChoices == null || appendChoices;
    }

    public String effectiveExampleSeparator() {
        return exampleSeparator == null ? "\n" : exampleSeparator;
    }
}
