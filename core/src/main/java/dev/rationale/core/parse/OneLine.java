// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.parse;

/** Keeps a message that quotes a user's text on one line: its line breaks are written out as escapes. */
public final class OneLine {
    private OneLine() {
    }

    /** {@code text} with CR, LF, NEL and the Unicode line and paragraph separators written as escapes. */
    public static String of(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\u0085", "\\u0085")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }
}
