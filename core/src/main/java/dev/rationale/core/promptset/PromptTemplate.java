// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Mustache templates that lay out a task's prompts: the instruction, one example's input, the cue that
 * invites an answer in raw-text prompts, one exemplar's output, and the separator between blocks. A task's
 * template must have an input; a variant's template holds only the fields it replaces.
 */
@JsonPropertyOrder({"instruction", "input", "cue", "output", "separator"})
public record PromptTemplate(
        @Nullable String instruction,
        @Nullable String input,
        @Nullable String cue,
        @Nullable String output,
        @Nullable String separator) {

    public static final String DEFAULT_OUTPUT = "{{#rationale}}{{rationale}} {{/rationale}}The answer is {{answer}}.";
    public static final String DEFAULT_SEPARATOR = "\n\n";

    /** This template with each field that {@code override} sets replaced. */
    public PromptTemplate overriddenBy(@Nullable PromptTemplate override) {
        if (override == null) {
            return this;
        }
        return new PromptTemplate(
                override.instruction != null ? override.instruction : instruction,
                override.input != null ? override.input : input,
                override.cue != null ? override.cue : cue,
                override.output != null ? override.output : output,
                override.separator != null ? override.separator : separator);
    }

    public String effectiveInput() {
        return input == null ? "" : input;
    }

    public String effectiveCue() {
        return cue == null ? "" : cue;
    }

    public String effectiveOutput() {
        return output == null ? DEFAULT_OUTPUT : output;
    }

    public String effectiveSeparator() {
        return separator == null ? DEFAULT_SEPARATOR : separator;
    }

    /** The fields that are set, by their name in the file, in file order. */
    public Map<String, String> presentFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        putIfSet(fields, "instruction", instruction);
        putIfSet(fields, "input", input);
        putIfSet(fields, "cue", cue);
        putIfSet(fields, "output", output);
        putIfSet(fields, "separator", separator);
        return fields;
    }

    private static void putIfSet(Map<String, String> fields, String name, @Nullable String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
