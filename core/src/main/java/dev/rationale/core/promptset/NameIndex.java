// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

import java.util.function.IntFunction;

/**
 * The positions of a list's elements by name, for lists too long for a map entry per element: a table of
 * positions hashed by name, at most three quarters full (8 to 16 bytes per element), which asks the list for an
 * element's name only when two hashes agree. A {@link CaseList} makes a case (and its id) anew on every get, so a
 * map from ids would hold a second copy of every id as well. Not thread-safe while elements are added; safe to
 * read from several threads after that.
 */
public final class NameIndex {
    private final IntFunction<String> names;
    // Each slot holds a position plus 1 (0 is free) and that element's hash; the table is a power of two in size.
    // Three quarters full at most: the probes stay short with the hash spread, and a large table costs half as much
    // contiguous memory as one kept half full (a run's heap is small).
    private int[] positions;
    private int[] hashes;
    private int size;

    /**
     * @param names the name of the element at a position, asked only for positions given to {@link #add}, to tell
     *     apart names of the same hash
     * @param expected about how many elements will be added
     */
    public NameIndex(IntFunction<String> names, int expected) {
        this.names = names;
        int capacity = 16;
        while (capacity * 3L / 4 < expected) {
            capacity *= 2;
        }
        positions = new int[capacity];
        hashes = new int[capacity];
    }

    /**
     * Adds the element at {@code position} under its name, unless an element added before has that name.
     *
     * @param name the element's name, as {@code names} gives it
     * @return the position of the earlier element with the same name; -1 when there was none and it was added
     */
    public int add(int position, String name) {
        int hash = name.hashCode();
        int slot = find(name, hash);
        if (positions[slot] != 0) {
            return positions[slot] - 1;
        }
        positions[slot] = position + 1;
        hashes[slot] = hash;
        if (++size > positions.length * 3L / 4) {
            grow();
        }
        return -1;
    }

    /** The position of the element named {@code name}; -1 when none was added. */
    public int positionOf(String name) {
        int slot = find(name, name.hashCode());
        return positions[slot] - 1;
    }

    public int size() {
        return size;
    }

    // The slot holding the name, else the free slot where it would go.
    private int find(String name, int hash) {
        int mask = positions.length - 1;
        for (int slot = spread(hash) & mask; ; slot = slot + 1 & mask) {
            if (positions[slot] == 0
                    || hashes[slot] == hash && name.equals(names.apply(positions[slot] - 1))) {
                return slot;
            }
        }
    }

    private void grow() {
        int[] oldPositions = positions;
        int[] oldHashes = hashes;
        positions = new int[oldPositions.length * 2];
        hashes = new int[oldPositions.length * 2];
        int mask = positions.length - 1;
        for (int i = 0; i < oldPositions.length; i++) {
            if (oldPositions[i] != 0) {
                int slot = spread(oldHashes[i]) & mask;
                while (positions[slot] != 0) {
                    slot = slot + 1 & mask;
                }
                positions[slot] = oldPositions[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    // Ids such as c0001, c0002 differ in their last characters; mixing the bits keeps linear probing's runs short.
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ mixed >>> 16;
    }
}
