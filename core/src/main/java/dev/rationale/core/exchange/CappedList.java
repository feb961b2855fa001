// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * How many things were found and the first few of them: what an import lists of its leftovers (strangers' ids,
 * unreadable lines), which a broken file could otherwise have a million of. Not thread-safe.
 */
final class CappedList<T> {
    /** How many a list keeps: more than anyone reads on a terminal. */
    static final int KEPT = 100;

    private final List<T> first = new ArrayList<>();
    private long count;

    void add(T item) {
        if (first.size() < KEPT) {
            first.add(item);
        }
        count++;
    }

    List<T> first() {
        return List.copyOf(first);
    }

    long count() {
        return count;
    }
}
