// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks that ids of one kind (tasks in a set, variants in a task, ...), or another field that names an element
 * (the texts of a case's choices), are not used twice.
 */
final class UniqueIds {
    private final String kind;
    private final String field;
    private final Map<String, String> firstPaths = new HashMap<>();

    /** @param kind what the ids name, for messages: {@code "task"}, {@code "variant"} */
    UniqueIds(String kind) {
        this(kind, "id");
    }

    /**
     * @param kind what the elements are, for messages: {@code "choice"}
     * @param field the field that must be unique: {@code "text"}
     */
    UniqueIds(String kind, String field) {
        this.kind = kind;
        this.field = field;
    }

    /** Records the value of the element at {@code elementPath}, reporting it if an earlier element has it. */
    void add(String value, String elementPath, Findings findings) {
        String first = firstPaths.putIfAbsent(value, elementPath);
        if (first != null) {
            findings.error(FieldPath.field(elementPath, field), duplicate(kind, field, value, first));
        }
    }

    static String duplicate(String kind, String field, String value, String firstPath) {
        return "duplicate " + kind + " " + field + " \"" + value + "\" (also used by " + firstPath + ")";
    }
}
