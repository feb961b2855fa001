// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;

/** The two spellings of a prompt set on disk, chosen by the file name's extension. */
enum FileSyntax {
    JSON("JSON"),
    YAML("YAML");

    private final String displayName;

    FileSyntax(String displayName) {
        this.displayName = displayName;
    }

    /** YAML for {@code .yaml} and {@code .yml} (any case), JSON for everything else. */
    static FileSyntax of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") ? YAML : JSON;
    }

    String displayName() {
        return displayName;
    }

    ObjectMapper mapper() {
        return this == JSON ? PromptSetMappers.JSON : PromptSetMappers.yaml();
    }

    String write(PromptSet set) {
        return this == JSON ? PromptSetMappers.toJson(set) : PromptSetMappers.toYaml(set);
    }
}
