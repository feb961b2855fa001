// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

/**
 * A half-open range {@code [start, end)} of character offsets in a string, or of indexes in a list.
 *
 * @throws IllegalArgumentException if {@code start} is negative or greater than {@code end}
 */
public record Range(int start, int end) {

    public Range {
        if (start < 0 || start > end) {
            throw new IllegalArgumentException("Not a range: [" + start + ", " + end + ")");
        }
    }

    /** The empty range at {@code position}. */
    public static Range empty(int position) {
        return new Range(position, position);
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** This range moved by {@code offset} (which may be negative). */
    public Range shift(int offset) {
        return new Range(start + offset, end + offset);
    }

    /** The part of {@code text} this range covers. */
    public String of(String text) {
        return text.substring(start, end);
    }
}
