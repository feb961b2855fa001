// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a dataset can come in. */
public enum DatasetFormat {
    /** Comma-separated values with a header row. */
    CSV,
    /** JSON Lines: one JSON object per line. */
    JSONL,
    /** A BIG-bench task file: a JSON object with an {@code examples} list. */
    BIG_BENCH;

    /**
     * The format a file name implies: {@code .csv}, {@code .jsonl} (or {@code .ndjson}), {@code .json} for BIG-bench.
     *
     * @throws DatasetException for any other extension
     */
    public static DatasetFormat of(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".json")) {
            return BIG_BENCH;
        }
        throw DatasetException.of(file.toString(),
                "unknown dataset format; the name must end in .csv, .jsonl or .json (a BIG-bench task)");
    }
}
