// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

/**
 * Text taken from a model file (a key, a token, a tensor name) made fit for a one-line message: control characters
 * escaped as {@code \}{@code uXXXX}, and cut after 60 characters, since a crafted file may hold anything there.
 */
final class FileText {
    private static final int SHOWN = 60;

    private FileText() {
    }

    /** The text in double quotes. */
    static String quoted(String text) {
        return "\"" + escaped(text) + "\"";
    }

    /** The text without quotes, for names that read well bare (keys, tensor names). */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(SHOWN).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > SHOWN ? out.append('…').toString() : out.toString();
    }
}
