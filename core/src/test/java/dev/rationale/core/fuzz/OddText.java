// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random text of the kinds that break readers: control characters, byte-order marks, bidirectional marks, line
 * separators other than {@code \n}, astral characters, quotes and backslashes, Mustache tags, YAML indicators.
 */
final class OddText {
    private static final List<String> PIECES = List.of(
            "a", "Q: ", "42", " ", "\t", "\n", "\r\n", "\r", "\u0000", "\u0007", "\u001B[31m", "\uFEFF", "\u200F",
            "\u202E", "\u2028", "\u2029", "\u0085", "\u00A0", "\uFFFD", "\uFFFF", "\uD83C\uDF4E", "\u0301", "日本",
            "\"", "'", "\\", "\\u0000", "{{", "}}", "{{a}}", "{{#a}}", "{{/a}}", "{{^a}}", "{{=<% %>=}}", "{{{a}}}",
            ": ", "- ", "# ", "&x ", "*x", "!!str ", "---", "...", "|", ">", "[", "]", "{", "}", ",", "null", "~",
            "true", "1e999", "-0", "NaN");

    private OddText() {
    }

    /** Up to {@code maxPieces} random pieces. */
    static String of(SplittableRandom random, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(maxPieces + 1);
        for (int i = 0; i < pieces; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    /** Sections nested {@code depth} deep, in one of the disguises JMustache reads, around a variable. */
    static String nestedSections(SplittableRandom random, int depth) {
        return switch (random.nextInt(4)) {
            case 0 -> "{{#a}}".repeat(depth) + "{{a}}" + "{{/a}}".repeat(depth);
            case 1 -> "{{^b}}\n".repeat(depth) + "{{a}}" + "{{/b}}\n".repeat(depth);
            case 2 -> "{{=<% %>=}}" + "<%#a%>".repeat(depth) + "<%a%>" + "<%/a%>".repeat(depth);
            default -> "{{c {{#a}}".repeat(depth) + "{{a}}" + "{{/a}}".repeat(depth);
        };
    }
}
