// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import java.util.Comparator;

/**
 * The order a person expects of case ids when a list is sorted by them: runs of digits compare as the numbers
 * they are, so {@code c2} comes before {@code c10} and {@code #9} before {@code #10} (the names of cases without
 * ids), and the rest by code point. Ids equal but for leading zeros ({@code c2}, {@code c02}) are told apart by
 * their text, so only equal ids compare equal. A plan's own order of cases is its list's; this is for a list
 * sorted by its Case column.
 */
public final class CaseIdOrder implements Comparator<String> {
    public static final CaseIdOrder NATURAL = new CaseIdOrder();

    private CaseIdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            if (isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int order = compareNumbers(a, i, endA, b, j, endB);
                if (order != 0) {
                    return order;
                }
                i = endA;
                j = endB;
            } else {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
        }
        int order = Integer.compare(a.length() - i, b.length() - j);
        return order != 0 ? order : a.compareTo(b);
    }

    // Numbers of any length: without their leading zeros, the longer is larger, and equal lengths compare digit by
    // digit.
    private static int compareNumbers(String a, int from, int to, String b, int fromB, int toB) {
        int i = skipZeros(a, from, to);
        int j = skipZeros(b, fromB, toB);
        if (to - i != toB - j) {
            return Integer.compare(to - i, toB - j);
        }
        for (; i < to; i++, j++) {
            if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            }
        }
        return 0;
    }

    private static int skipZeros(String text, int from, int to) {
        int i = from;
        while (i < to - 1 && text.charAt(i) == '0') {
            i++;
        }
        return i;
    }

    private static int digitsEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    // ASCII digits only: other scripts' digits are letters to a case id.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
