// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code Content-Range} header (RFC 9110 §14.4): {@code bytes 100-999/1000}, {@code bytes 100-999/*} or,
 * on a 416 answer, {@code bytes *}{@code /1000}.
 *
 * @param first the first byte sent, -1 for an unsatisfied range
 * @param total the whole file's length, -1 when the server does not say
 */
record ContentRange(long first, long total) {

    private static final Pattern SENT = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final Pattern UNSATISFIED = Pattern.compile("bytes\\s+\\*/(\\d+)");

    /** The range {@code header} states, or null when it is absent or not one of the shapes above. */
    static @Nullable ContentRange parse(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String text = header.strip();
        try {
            Matcher sent = SENT.matcher(text);
            if (sent.matches()) {
                long total = "*".equals(sent.group(3)) ? -1 : Long.parseLong(sent.group(3));
                return new ContentRange(Long.parseLong(sent.group(1)), total);
            }
            Matcher unsatisfied = UNSATISFIED.matcher(text);
            if (unsatisfied.matches()) {
                return new ContentRange(-1, Long.parseLong(unsatisfied.group(1)));
            }
        } catch (NumberFormatException tooLong) {
            return null;
        }
        return null;
    }
}
