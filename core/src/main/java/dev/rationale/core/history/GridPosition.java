// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import org.jspecify.annotations.Nullable;

/**
 * A completion's place in its run's grid with its grade, ordered as SQLite orders the grid: text by code point
 * (its BINARY collation compares UTF-8 bytes, which sort as code points do; Java's {@code compareTo} compares UTF-16
 * units, which do not above U+FFFF), then the sample.
 *
 * @param extracted the extracted answer of a wrong completion; null for any other grade
 */
record GridPosition(Cell cell, String caseId, int sample, String grade, @Nullable String extracted)
        implements Comparable<GridPosition> {

    /** What every completion of one cell shares. */
    record Cell(long id, String variant, String target, String kind, String model) {
    }

    @Override
    public int compareTo(GridPosition other) {
        int order = 0;
        if (cell != other.cell) {
            order = codePoints(cell.variant(), other.cell.variant());
            order = order != 0 ? order : codePoints(cell.target(), other.cell.target());
            order = order != 0 ? order : codePoints(cell.kind(), other.cell.kind());
            order = order != 0 ? order : codePoints(cell.model(), other.cell.model());
        }
        order = order != 0 ? order : codePoints(caseId, other.caseId);
        return order != 0 ? order : Integer.compare(sample, other.sample);
    }

    static int codePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
