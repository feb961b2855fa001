// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Reads the top-level fields of a BIG-bench task that describe it and lay out its prompts. */
final class BigBenchSettingsReader {
    private final JsonNode root;
    private final String source;
    private final JsonLocations locations;

    BigBenchSettingsReader(JsonNode root, String source, JsonLocations locations) {
        this.root = root;
        this.source = source;
        this.locations = locations;
    }

    BigBenchSettings read() {
        return new BigBenchSettings(
                text("name"),
                text("description"),
                text("task_prefix"),
                text("example_input_prefix"),
                text("example_output_prefix"),
                text("choice_prefix"),
                flag("append_choices_to_input"),
                text("few_shot_example_separator"),
                text("stop_string"),
                text("output_regex"));
    }

    private @Nullable String text(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DatasetException.at(source, locations.field(field), "\"" + field + "\" must be text, got "
                    + JsonValues.kind(value));
        }
        return value.asText();
    }

    private @Nullable Boolean flag(String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw DatasetException.at(source, locations.field(field), "\"" + field + "\" must be true or false, got "
                    + JsonValues.kind(value));
        }
        return value.asBoolean();
    }
}
