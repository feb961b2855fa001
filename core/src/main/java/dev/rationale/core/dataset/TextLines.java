// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.dataset;

import java.io.IOException;
import java.io.Reader;
import org.jspecify.annotations.Nullable;

/**
 * The lines of a text read a piece at a time, split as {@code text.split("\r?\n", -1)} splits it: at each line
 * feed, dropping a carriage return just before it (a lone one stays in its line), with no line after a final line
 * feed. Not thread-safe.
 */
final class TextLines {
    private final Reader text;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;

    TextLines(Reader text) {
        this.text = text;
    }

    /** The next line; null after the last. */
    @Nullable String next() throws IOException {
        line.setLength(0);
        boolean any = false;
        while (position < limit || fill()) {
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append(c);
        }
        return any ? line.toString() : null;
    }

    private boolean fill() throws IOException {
        limit = text.read(buffer);
        position = 0;
        return limit > 0;
    }
}
