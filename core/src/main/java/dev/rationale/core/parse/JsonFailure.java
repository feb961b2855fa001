// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where and why Jackson stopped reading a text, in words for the user.
 *
 * <p>Jackson throws its limit violations (nesting too deep, a string, number or name too long) as {@link
 * StreamConstraintsException}s without a location, so this falls back to the parser's own position: the start of
 * the token it was reading, else where it stopped. Every failure thus has a line and column, both from 1.
 *
 * @param line the 1-based line
 * @param column the 1-based column
 * @param problem what is wrong, in plain words and without the location
 */
public record JsonFailure(int line, int column, String problem) {
    /** The problem of a text with something after its one value. */
    public static final String TRAILING = "unexpected content after the value";
    private static final Pattern LIMIT = Pattern.compile(
            "(Document nesting depth|String value length|Number value length|Name length) \\((\\d+)\\) exceeds the"
                    + " maximum allowed \\((\\d+).*", Pattern.DOTALL);

    /**
     * The failure {@code e} that {@code parser} threw.
     *
     * @param parser the parser that was reading when {@code e} was thrown, still open
     */
    public static JsonFailure of(JacksonException e, JsonParser parser) {
        JsonLocation location = located(e.getLocation()) ? e.getLocation() : fallback(parser);
        int line = location == null ? 1 : location.getLineNr();
        int column = location == null ? 1 : Math.max(location.getColumnNr(), 1);
        return new JsonFailure(line, column, plain(String.valueOf(e.getOriginalMessage())));
    }

    /** The words for a limit violation or a second value, else Jackson's own message, unchanged. */
    public static String plain(String message) {
        if (message.startsWith("Trailing token")) {
            return TRAILING;
        }
        Matcher limit = LIMIT.matcher(message);
        if (!limit.matches()) {
            return message;
        }
        String found = limit.group(2);
        String allowed = limit.group(3);
        return switch (limit.group(1)) {
            case "Document nesting depth" -> "values nest " + found + " deep; at most " + allowed
                    + " levels are allowed";
            case "String value length" -> "a text value is " + found + " characters long; at most " + allowed
                    + " are allowed";
            case "Number value length" -> "a number has " + found + " digits; at most " + allowed + " are allowed";
            default -> "a field name is " + found + " characters long; at most " + allowed + " are allowed";
        };
    }

    private static @Nullable JsonLocation fallback(JsonParser parser) {
        JsonLocation token = parser.currentTokenLocation();
        return located(token) ? token : located(parser.currentLocation()) ? parser.currentLocation() : null;
    }

    private static boolean located(@Nullable JsonLocation location) {
        return location != null && location.getLineNr() > 0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "line %d, column %d: %s", line, column, problem);
    }
}
