// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the prompt-set files directly inside a folder: {@code *.rationale.json}, {@code .yaml} and {@code .yml}. */
public final class PromptSetFolder {

    private static final List<String> SUFFIXES = List.of(".rationale.json", ".rationale.yaml", ".rationale.yml");

    private PromptSetFolder() {
    }

    /** Whether {@code file}'s name marks it as a prompt set. */
    public static boolean isPromptSet(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /**
     * The prompt sets in {@code folder}, sorted by name; subfolders are not searched, as a workspace is one folder.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> isPromptSet(f) && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    /** The name to show for a prompt-set file: its file name without the prompt-set suffix. */
    public static String displayName(Path file) {
        String name = String.valueOf(file.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
