// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

/**
 * Refuses YAML with a line too long to parse in reasonable time, before the parser sees it.
 *
 * <p>Why lines: SnakeYAML's reader keeps a window of the text it has not yet consumed and, for every 1,024
 * characters it reads, copies that whole window into a new array. While scanning one token (a plain scalar
 * without spaces, a run of spaces, a line of a block scalar) it only looks ahead and consumes nothing, so the
 * window grows with the token and the copies add up to time quadratic in its length: 4 MB took 8 s, 22 MB
 * 145 s. No setting of SnakeYAML 2 or Jackson's YAML module changes this (the buffer size is fixed). Every such
 * look-ahead stops at a line break, so a cap on line length bounds the cost of each line, and the time for the
 * whole file stays linear in its size. JSON has no such limit; its parser is linear.
 */
final class YamlLineLimit {
    /**
     * The longest line accepted, in UTF-16 characters. At this length the quadratic copying costs a few
     * milliseconds per line, and a file of only such lines parses in linear time (under a second at Jackson's
     * 3 million code point limit for a YAML document). A prompt's text is far shorter between line breaks; a text
     * this long on one line can be written in JSON instead.
     */
    static final int LONGEST_LINE = 100_000;

    private YamlLineLimit() {
    }

    /** @throws InvalidPromptSetException at the first line longer than {@link #LONGEST_LINE} */
    static void check(String text, String file) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // "\r\n" is one break, counted at its "\n"; a lone "\r" is a break of its own, as YAML reads it.
            boolean lineBreak = c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
            if (lineBreak) {
                line++;
                lineStart = i + 1;
            } else if (i - lineStart == LONGEST_LINE) {
                throw InvalidPromptSetException.of(Problem.at(file, new SourceMap.Location(line, LONGEST_LINE + 1),
                        "", "line " + line + " is longer than " + LONGEST_LINE + " characters, the most a YAML"
                                + " prompt set allows on one line (reading YAML slows down sharply beyond);"
                                + " break the text into lines, or save the set as JSON"));
            }
        }
    }
}
