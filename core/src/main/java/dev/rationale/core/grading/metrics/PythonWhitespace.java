// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace as Python's {@code str.split()} and {@code str.rstrip()} see it. sacreBLEU splits words and removes
 * spaces with those, and Java's {@link Character#isWhitespace} disagrees with them on the no-break spaces (U+00A0,
 * U+2007, U+202F) and on U+0085, so scores of text holding them would drift from sacreBLEU's without this.
 * Works on code points, as Python strings do.
 */
final class PythonWhitespace {
    private static final int NEXT_LINE = 0x85;

    private PythonWhitespace() {
    }

    /** Whether Python's {@code str.isspace()} holds for this code point. */
    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == NEXT_LINE;
    }

    /** The words between runs of whitespace, as {@code str.split()}: no empty words, none for a blank text. */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isSpace(codePoint)) {
                if (start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /** The text without any whitespace, as {@code ''.join(text.split())}. */
    static String removeAll(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !isSpace(c)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** The text without trailing whitespace, as {@code str.rstrip()}. */
    static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0) {
            int codePoint = text.codePointBefore(end);
            if (!isSpace(codePoint)) {
                break;
            }
            end -= Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
