// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.parse;

import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * A file's bytes are not UTF-8. Says where the first bad byte is: its 0-based byte offset, and the 1-based line
 * and column (in characters) an editor would show for it.
 */
public final class NotUtf8Exception extends CharacterCodingException {
    private final long offset;
    private final int line;
    private final int column;
    private final int badByte;

    private NotUtf8Exception(long offset, int line, int column, int badByte) {
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.badByte = badByte;
    }

    /** The failure at byte {@code offset}, after the text {@code before} decoded from the bytes before it. */
    static NotUtf8Exception at(byte[] bytes, int offset, CharSequence before) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = Character.codePointCount(before, lineStart, before.length()) + 1;
        int badByte = offset < bytes.length ? bytes[offset] & 0xFF : -1;
        return new NotUtf8Exception(offset, line, column, badByte);
    }

    public long offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** {@code not UTF-8: byte 0xE9 at offset 12}, without the line, which callers place in their own format. */
    public String problem() {
        return badByte < 0 ? "not UTF-8: the text ends inside a character"
                : String.format(Locale.ROOT, "not UTF-8: byte 0x%02X at offset %d", badByte, offset);
    }

    @Override
    public String getMessage() {
        return problem() + " (line " + line + ", column " + column + ")";
    }
}
