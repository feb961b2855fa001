// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code answer-is} rule: the words after "the answer is" up to the end of that sentence or line. */
final class AnswerIsReader {
    private static final Pattern PHRASE =
            Pattern.compile("\\bthe\\s+(?:final\\s+)?answer\\s+is\\b(?:\\s*:)?", Pattern.CASE_INSENSITIVE);
    private static final String OPENING_QUOTES = "\"'“‘`";
    private static final String CLOSING_QUOTES = "\"'”’`";

    private AnswerIsReader() {
    }

    static Optional<String> read(String text) {
        Matcher phrase = PHRASE.matcher(text);
        // A model often muses "I wonder what the answer is." before stating it, so an occurrence with nothing
        // after it gives way to the next one.
        while (phrase.find()) {
            int start = skipWhitespace(text, phrase.end());
            String answer = clean(text.substring(start, sentenceEnd(text, start)));
            if (!answer.isEmpty()) {
                return Optional.of(answer);
            }
        }
        return Optional.empty();
    }

    // Line breaks are skipped too: "The final answer is:\n\n**42**" puts the answer on the next line.
    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    // A period only ends the sentence when whitespace or the end follows, which keeps "3.5" and "$1,000.50" whole.
    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            boolean last = i + 1 == text.length();
            if ((c == '.' || c == '!' || c == '?') && (last || Character.isWhitespace(text.charAt(i + 1)))) {
                return i;
            }
        }
        return text.length();
    }

    // Markdown and quoting can nest ("**42.**", "\"Paris.\""), so peel until nothing changes.
    private static String clean(String raw) {
        String previous;
        String answer = raw;
        do {
            previous = answer;
            answer = stripAsterisks(answer.strip());
            answer = stripQuotePair(answer);
            if (answer.endsWith(".")) {
                answer = answer.substring(0, answer.length() - 1);
            }
        } while (!answer.equals(previous));
        return answer;
    }

    private static String stripAsterisks(String s) {
        int begin = 0;
        int end = s.length();
        while (begin < end && s.charAt(begin) == '*') {
            begin++;
        }
        while (end > begin && s.charAt(end - 1) == '*') {
            end--;
        }
        return s.substring(begin, end);
    }

    // Only a matching pair is removed: a lone trailing apostrophe ("the students'") belongs to the answer.
    private static String stripQuotePair(String s) {
        if (s.length() < 2) {
            return s;
        }
        int kind = OPENING_QUOTES.indexOf(s.charAt(0));
        boolean paired = kind >= 0 && CLOSING_QUOTES.charAt(kind) == s.charAt(s.length() - 1);
        return paired ? s.substring(1, s.length() - 1) : s;
    }
}
