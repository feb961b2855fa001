// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval.paired;

import java.util.Arrays;

/**
 * Numbers a run's case ids 0, 1, 2... in the order first seen, so that what is kept per case can live in arrays
 * instead of maps keyed by strings: a run of a million completions has half a million cases, and a hash map's
 * entry and boxed value cost more than the id itself. Each id is kept once, in an open-addressing table of ints.
 * Not thread-safe.
 */
public final class CaseIndex {
    private static final int EMPTY = -1;

    private String[] ids = new String[16];
    private int[] slots = newSlots(32);
    private int size;
    private int last = -1;

    /** The number of {@code caseId}, numbering it next when it is new. */
    public int add(String caseId) {
        // A run is read in grid order: a case's samples come together, and every cell lists its cases in the same
        // order. So the case last found, then the one numbered after it, are tried before hashing.
        if (last >= 0 && ids[last].equals(caseId)) {
            return last;
        }
        if (last + 1 < size && ids[last + 1].equals(caseId)) {
            return ++last;
        }
        last = find(caseId);
        return last;
    }

    private int find(String caseId) {
        int mask = slots.length - 1;
        for (int slot = spread(caseId.hashCode()) & mask; ; slot = slot + 1 & mask) {
            int index = slots[slot];
            if (index == EMPTY) {
                return insert(caseId, slot);
            }
            if (ids[index].equals(caseId)) {
                return index;
            }
        }
    }

    /** How many case ids are numbered. */
    public int size() {
        return size;
    }

    /** The case id numbered {@code index}. */
    public String caseId(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return ids[index];
    }

    private int insert(String caseId, int slot) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size] = caseId;
        slots[slot] = size;
        size++;
        // At most half full, so that probes stay short.
        if (2 * size > slots.length) {
            rehash(slots.length * 2);
        }
        return size - 1;
    }

    private void rehash(int capacity) {
        slots = newSlots(capacity);
        int mask = capacity - 1;
        for (int index = 0; index < size; index++) {
            int slot = spread(ids[index].hashCode()) & mask;
            while (slots[slot] != EMPTY) {
                slot = slot + 1 & mask;
            }
            slots[slot] = index;
        }
    }

    private static int[] newSlots(int capacity) {
        int[] slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        return slots;
    }

    // Case ids often differ only in their last characters ("case-1", "case-2"): mix the hash's bits.
    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ h >>> 16;
    }
}
