// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.answer.AnswerExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds where an extracted answer stands in the text it was extracted from. The extractor gives only the answer,
 * and the same words often occur more than once ("the answer is 42. Check: 6 × 7 = 42"), so each occurrence is
 * tested by masking it and extracting again: the occurrence whose masking changes the result is the one the
 * rule read. Occurrences are tried from last to first; when masking none of them changes the result (the rule
 * would find the same answer elsewhere too), the last one is taken.
 *
 * <p>An occurrence matches ignoring case (a choice rule upper-cases {@code "(b)"} to {@code "B"}) and must not be
 * part of a longer word or number: {@code "4"} is not found inside {@code "42"}. Pure; safe from any thread.
 */
final class AnswerLocator {
    // A private-use character: no letter, digit, blank or punctuation that a rule could read as part of an answer.
    private static final char MASK = '\uE000';

    private AnswerLocator() {
    }

    /** The answer's characters within {@code region} of {@code text}, or null when it does not occur there. */
    static @Nullable Range locate(AnswerExtractor extractor, String text, Range region, String answer) {
        String searched = region.of(text);
        List<Integer> starts = occurrences(searched, answer);
        if (starts.isEmpty()) {
            return null;
        }
        Optional<String> expected = Optional.of(answer);
        for (int i = starts.size() - 1; i >= 0; i--) {
            int start = starts.get(i);
            if (!extractor.extract(masked(searched, start, answer.length())).equals(expected)) {
                return new Range(start, start + answer.length()).shift(region.start());
            }
        }
        int last = starts.getLast();
        return new Range(last, last + answer.length()).shift(region.start());
    }

    private static List<Integer> occurrences(String text, String answer) {
        List<Integer> starts = new ArrayList<>();
        if (answer.isEmpty()) {
            return starts;
        }
        for (int i = 0; i + answer.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, answer, 0, answer.length()) && wholeWord(text, i, answer)) {
                starts.add(i);
            }
        }
        return starts;
    }

    private static boolean wholeWord(String text, int start, String answer) {
        int end = start + answer.length();
        boolean joinedBefore = start > 0 && Character.isLetterOrDigit(answer.codePointAt(0))
                && Character.isLetterOrDigit(text.codePointBefore(start));
        boolean joinedAfter = end < text.length() && Character.isLetterOrDigit(answer.codePointBefore(answer.length()))
                && Character.isLetterOrDigit(text.codePointAt(end));
        return !joinedBefore && !joinedAfter;
    }

    private static String masked(String text, int start, int length) {
        StringBuilder masked = new StringBuilder(text);
        for (int i = start; i < start + length; i++) {
            masked.setCharAt(i, MASK);
        }
        return masked.toString();
    }
}
