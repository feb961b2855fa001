// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

import java.util.Optional;

/** Finds the first Markdown code block fenced with three backticks, wherever on its line the fence starts. */
final class FencedCodeBlock {
    private static final String FENCE = "```";

    private FencedCodeBlock() {
    }

    /** The block's content without the fence lines, or empty when the text has no fence at all. */
    static Optional<String> contentOfFirst(String text) {
        int open = text.indexOf(FENCE);
        if (open < 0) {
            return Optional.empty();
        }
        int afterOpen = open + FENCE.length();
        int lineEnd = text.indexOf('\n', afterOpen);
        int close = text.indexOf(FENCE, afterOpen);
        if (close >= 0 && (lineEnd < 0 || close < lineEnd)) {
            // ```x = 1``` on one line has no language tag to skip.
            return Optional.of(text.substring(afterOpen, close).strip());
        }
        if (lineEnd < 0) {
            return Optional.of("");
        }
        int bodyStart = lineEnd + 1;
        close = text.indexOf(FENCE, bodyStart);
        // An unclosed block is usually a completion cut off by the token limit; its code is still the answer.
        String body = close < 0 ? text.substring(bodyStart).stripTrailing() : text.substring(bodyStart, close);
        return Optional.of(dropLastLineBreak(body));
    }

    // The closing fence may be indented (inside a list item), so the blanks before it go along with the line break.
    private static String dropLastLineBreak(String body) {
        int end = body.length();
        while (end > 0 && (body.charAt(end - 1) == ' ' || body.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end > 0 && body.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && body.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return body.substring(0, end);
    }
}
