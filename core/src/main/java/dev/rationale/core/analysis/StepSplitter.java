// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a reasoning chain into steps, by two rules applied in order:
 * <ol>
 *   <li>Each non-blank line is a step. Blank lines and single line breaks ({@code \n}, {@code \r}) both separate
 *       steps, so a numbered or bulleted line ({@code "1."}, {@code "Step 2:"}, {@code "- "}) is always a step of
 *       its own, its marker included.</li>
 *   <li>A chain that is a single line is split into sentences instead: a sentence ends at {@code .}, {@code !} or
 *       {@code ?} (and any closing quotes or brackets) followed by blanks and then an upper-case letter or a
 *       digit. A period after a leading number ({@code "1. First"}) is a list marker, not a sentence end.</li>
 * </ol>
 * Steps are trimmed of surrounding whitespace and never empty. Deliberately simple: abbreviations such as
 * {@code "e.g. The"} do split, and a hard-wrapped sentence gives one step per line. Pure; safe from any thread.
 */
final class StepSplitter {
    private static final Pattern SENTENCE_END =
            Pattern.compile("[.!?][\"'”’)\\]]*[ \\t\\u00A0]+(?=[\\p{Lu}\\p{N}])");
    private static final Pattern LIST_NUMBER = Pattern.compile("\\d+\\.");

    private StepSplitter() {
    }

    /** The steps of the chain that is {@code region} of {@code text}, as ranges of {@code text}. */
    static List<Range> split(String text, Range region) {
        List<Range> lines = lines(text, region);
        return lines.size() == 1 ? sentences(text, lines.getFirst()) : lines;
    }

    private static List<Range> lines(String text, Range region) {
        List<Range> lines = new ArrayList<>();
        int start = region.start();
        for (int i = region.start(); i <= region.end(); i++) {
            if (i == region.end() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                addTrimmed(text, start, i, lines);
                start = i + 1;
            }
        }
        return lines;
    }

    private static List<Range> sentences(String text, Range line) {
        List<Range> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(text).region(line.start(), line.end());
        int start = line.start();
        while (end.find()) {
            boolean listMarker = LIST_NUMBER.matcher(text.substring(start, end.start() + 1).strip()).matches();
            if (!listMarker) {
                addTrimmed(text, start, end.end(), sentences);
                start = end.end();
            }
        }
        addTrimmed(text, start, line.end(), sentences);
        return sentences;
    }

    private static void addTrimmed(String text, int start, int end, List<Range> out) {
        int from = start;
        int to = end;
        while (from < to && blank(text.charAt(from))) {
            from++;
        }
        while (to > from && blank(text.charAt(to - 1))) {
            to--;
        }
        if (from < to) {
            out.add(new Range(from, to));
        }
    }

    // Character.isWhitespace leaves out the no-break space, which models do write.
    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
