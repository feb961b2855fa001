// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where the runs of a prompt set are kept: the history ({@code .rationale/history.db}) beside its file, or, for a set
 * never saved, in the scratch folder. Evaluations and single runs follow this one rule.
 *
 * @param folder the folder whose history holds the runs
 * @param setFile the set's file as its runs name it, absolute; null for a set never saved
 */
public record HistoryPlace(Path folder, @Nullable Path setFile) {

    /** The place of the set saved in {@code setFile}, or of a set never saved (null) in {@code scratchFolder}. */
    public static HistoryPlace of(@Nullable Path setFile, Path scratchFolder) {
        if (setFile == null || setFile.toAbsolutePath().getParent() == null) {
            return new HistoryPlace(scratchFolder, null);
        }
        Path file = setFile.toAbsolutePath();
        return new HistoryPlace(file.getParent(), file);
    }
}
