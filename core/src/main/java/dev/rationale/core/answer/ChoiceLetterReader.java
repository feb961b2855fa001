// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code choice} rule: a multiple-choice letter from "answer is (B)" or "answer is B", else the last "(B)",
 * else a reply that is only the letter. Only allowed letters count; the result is upper case.
 */
final class ChoiceLetterReader {
    // A bare letter after the phrase must be upper case and stand alone, or "the answer is a dog" and
    // "the answer is Because..." would both read as letters. In parentheses any case is clear enough.
    private static final Pattern AFTER_PHRASE = Pattern.compile(
            "(?i:\\banswer\\s+is)\\s*:?\\s*\\**\\s*(?:\\(([A-Za-z])\\)|([A-Z])(?![\\p{L}\\p{N}'’]))");
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([A-Za-z])\\)");
    private static final Pattern LETTER_ONLY = Pattern.compile("\\s*\\**\\s*\\(?([A-Za-z])\\)?\\.?\\s*\\**\\s*");

    private final String allowed;

    ChoiceLetterReader(String allowedLetters) {
        this.allowed = allowedLetters.toUpperCase(Locale.ROOT);
    }

    Optional<String> read(String text) {
        Optional<String> letter = afterPhrase(text);
        if (letter.isEmpty()) {
            letter = lastInParentheses(text);
        }
        if (letter.isEmpty()) {
            letter = letterOnly(text);
        }
        return letter;
    }

    private Optional<String> afterPhrase(String text) {
        Matcher matcher = AFTER_PHRASE.matcher(text);
        while (matcher.find()) {
            String letter = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            if (isAllowed(letter)) {
                return Optional.of(upper(letter));
            }
        }
        return Optional.empty();
    }

    private Optional<String> lastInParentheses(String text) {
        Matcher matcher = IN_PARENTHESES.matcher(text);
        @Nullable String last = null;
        while (matcher.find()) {
            if (isAllowed(matcher.group(1))) {
                last = upper(matcher.group(1));
            }
        }
        return Optional.ofNullable(last);
    }

    private Optional<String> letterOnly(String text) {
        Matcher matcher = LETTER_ONLY.matcher(text);
        return matcher.matches() && isAllowed(matcher.group(1)) ? Optional.of(upper(matcher.group(1)))
                : Optional.empty();
    }

    private boolean isAllowed(@Nullable String letter) {
        return letter != null && allowed.contains(upper(letter));
    }

    private static String upper(String letter) {
        return letter.toUpperCase(Locale.ROOT);
    }
}
