// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Puts an answer into the canonical form of a {@link CompareRule}, so that answers the rule treats as equal become
 * equal strings: {@code numeric} gives a plain decimal ({@code "$1,000.0"} becomes {@code "1000"}), {@code text}
 * a lower-case, whitespace-collapsed form without surrounding punctuation, {@code choice} an upper-case letter.
 * Pure functions; safe from any thread.
 */
public final class AnswerNormalizer {
    private static final Pattern CURRENCY = Pattern.compile("\\p{Sc}");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    // French typography puts a space before ; : ! ? % and », and after «; English does not.
    private static final Pattern SPACE_BEFORE_CLOSING = Pattern.compile(" (?=[.,;:!?%)\\]}»])");
    private static final Pattern SPACE_AFTER_OPENING = Pattern.compile("(?<=«) ");
    // A sign or decimal point starting a number is part of it: "-5" and ".5" must not become "5".
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^(?:(?!-?\\.?\\d)[\\p{P}\\s])+");
    // A trailing % is kept: in text comparison "50%" and "50" are different answers.
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{P}\\s&&[^%]]+$");

    private AnswerNormalizer() {
    }

    /** The canonical form of the answer under the rule; {@code none} and {@code exact} only strip whitespace. */
    public static String normalize(String answer, CompareRule rule) {
        return switch (rule) {
            case NUMERIC -> numeric(answer);
            case TEXT -> text(answer);
            case CHOICE -> choice(answer);
            case EXACT, NONE, CHRF, JUDGE, TESTS -> answer.strip();
        };
    }

    // The first number is the answer ("18 dollars", "50%"); text without one still compares as text.
    private static String numeric(String answer) {
        String withoutCurrency = CURRENCY.matcher(answer).replaceAll("");
        return WrittenNumbers.first(withoutCurrency)
                .map(number -> WrittenNumbers.valueOf(number).stripTrailingZeros().toPlainString())
                .orElseGet(() -> text(answer));
    }

    private static String text(String answer) {
        String s = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        s = straightenQuotes(s).toLowerCase(Locale.ROOT);
        s = WHITESPACE.matcher(s).replaceAll(" ");
        s = SPACE_BEFORE_CLOSING.matcher(s).replaceAll("");
        s = SPACE_AFTER_OPENING.matcher(s).replaceAll("");
        s = LEADING_PUNCTUATION.matcher(s).replaceFirst("");
        return TRAILING_PUNCTUATION.matcher(s).replaceFirst("");
    }

    private static String straightenQuotes(String s) {
        return s.replace('‘', '\'').replace('’', '\'').replace('‚', '\'').replace('‛', '\'')
                .replace('“', '"').replace('”', '"').replace('„', '"').replace('‟', '"');
    }

    // "(b)", "B." and "**B**" all name option B once the text form has dropped the surrounding punctuation.
    private static String choice(String answer) {
        String s = text(answer);
        boolean oneLetter = s.codePointCount(0, s.length()) == 1 && Character.isLetter(s.codePointAt(0));
        return oneLetter ? s.toUpperCase(Locale.ROOT) : s;
    }
}
