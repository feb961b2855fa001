// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Task ids and names made from file names and BIG-bench task names. */
final class TaskIds {
    // The characters a task id may hold, as the prompt-set format defines them.
    private static final Pattern NOT_ALLOWED = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final String FALLBACK = "imported";

    private TaskIds() {
    }

    /** {@code name} with each run of characters an id may not hold made one {@code -}. */
    static String from(String name) {
        String id = NOT_ALLOWED.matcher(name.strip()).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
        return id.isEmpty() ? FALLBACK : id;
    }

    /** The file name without its directory and last extension: {@code data/sums.csv} gives {@code sums}. */
    static String stem(String source) {
        String name = fileName(source);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The file name without its directory. */
    static String fileName(String source) {
        return String.valueOf(Path.of(source).getFileName());
    }
}
