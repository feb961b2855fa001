// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Numbers as people and models write them in prose: {@code -12}, {@code 1,234,567}, {@code 3.50}, {@code .5}. */
final class WrittenNumbers {
    // A minus sign counts only when no letter or digit sits right before it, so "pages 3-5" holds 3 and 5, not -5.
    // Thousands groups must be exactly three digits, so a list like "1,2,3" reads as three numbers.
    private static final Pattern NUMBER = Pattern.compile(
            "(?:(?<![\\p{Alnum}])-)?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    private WrittenNumbers() {
    }

    static Optional<String> first(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    static Optional<String> last(String text) {
        Matcher matcher = NUMBER.matcher(text);
        @Nullable String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return Optional.ofNullable(last);
    }

    /** The value of a number as {@link #first} or {@link #last} return it, thousands commas allowed. */
    static BigDecimal valueOf(String written) {
        return new BigDecimal(written.replace(",", ""));
    }

    /** The value of a plain decimal such as a normalised answer, or empty when the text is anything else. */
    static Optional<BigDecimal> parsePlain(String text) {
        return PLAIN_DECIMAL.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }
}
