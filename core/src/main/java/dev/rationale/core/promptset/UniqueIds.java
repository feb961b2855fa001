// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.HashMap;
import java.util.Map;

/** Checks that ids of one kind (tasks in a set, variants in a task, ...) are not used twice. */
final class UniqueIds {
    private final String kind;
    private final Map<String, String> firstPaths = new HashMap<>();

    /** @param kind what the ids name, for messages: {@code "task"}, {@code "variant"} */
    UniqueIds(String kind) {
        this.kind = kind;
    }

    /** Records the id of the element at {@code elementPath}, reporting it if an earlier element has it. */
    void add(String id, String elementPath, Findings findings) {
        String first = firstPaths.putIfAbsent(id, elementPath);
        if (first != null) {
            findings.error(FieldPath.field(elementPath, "id"),
                    "duplicate " + kind + " id \"" + id + "\" (also used by " + first + ")");
        }
    }
}
