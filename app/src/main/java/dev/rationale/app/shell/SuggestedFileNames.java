// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.shell;

import java.nio.file.Path;
import java.util.Locale;

/** File names offered in Save as and Export: made from a set's name, given the prompt-set suffix when unknown. */
final class SuggestedFileNames {

    private SuggestedFileNames() {
    }

    /** {@code file} as chosen, or with {@code .rationale.json} added when it has no prompt-set suffix. */
    static Path withPromptSetSuffix(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        boolean known = name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml");
        return known ? file : file.resolveSibling(file.getFileName() + ".rationale.json");
    }

    /** A file name stem from a set's display name: lower case, runs of other characters as one dash. */
    static String fileNameOf(String name) {
        String cleaned = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "untitled" : cleaned;
    }
}
