// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.promptset;

/**
 * One thing wrong with a prompt-set file, located the way compilers locate errors.
 *
 * @param file the file as the user named it
 * @param line the 1-based line, or 0 when the problem has no place in the text (e.g. a missing file)
 * @param column the 1-based column, or 0 with an unknown line
 * @param field the path of the field, e.g. {@code tasks[0].variants[2].shots}; empty for the file as a whole
 * @param message what is wrong, in plain words
 */
public record Problem(String file, int line, int column, String field, String message) {

    /** A problem with no place in the text, such as a file that cannot be read. */
    public static Problem of(String file, String message) {
        return new Problem(file, 0, 0, "", message);
    }

    static Problem at(String file, SourceMap.Location location, String field, String message) {
        return new Problem(file, location.line(), location.column(), field, message);
    }

    /** {@code FILE:LINE:COLUMN: FIELD: message}, leaving out the parts that are unknown or empty. */
    public String format() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        if (!text.isEmpty()) {
            text.append(": ");
        }
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(message).toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
