// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The formats a prompt set can be exported to, by the names the command line uses. */
public enum ExportFormat {
    /** The native prompt-set file as JSON; reads back equal. */
    JSON("json"),
    /** The native prompt-set file as YAML; reads back equal. */
    YAML("yaml"),
    /** A promptfoo configuration ({@code promptfooconfig.yaml}). */
    PROMPTFOO("promptfoo"),
    /** A document for people: each variant's rendered prompts, exemplars and settings. */
    MARKDOWN("markdown");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    /** The name on the command line, e.g. {@code promptfoo}. */
    public String id() {
        return id;
    }

    public static Optional<ExportFormat> parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }
}
