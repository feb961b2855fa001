// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.ThinkTagSplitter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a sample's reasoning and text lie in its tokens' texts joined, by the layouts {@link TokenAlignment}
 * documents, and which tokens a passage of either overlaps. Immutable.
 */
final class TokenMap {
    private final List<ScoredToken> tokens;
    /** {@code starts[i]} is where token i begins in the joined texts; {@code starts[n]} is their length. */
    private final int[] starts;
    private final TokenAlignment alignment;
    private final @Nullable Integer reasoningOffset;
    private final @Nullable Integer textOffset;

    private TokenMap(List<ScoredToken> tokens, int[] starts, TokenAlignment alignment,
            @Nullable Integer reasoningOffset, @Nullable Integer textOffset) {
        this.tokens = tokens;
        this.starts = starts;
        this.alignment = alignment;
        this.reasoningOffset = reasoningOffset;
        this.textOffset = textOffset;
    }

    static TokenMap align(List<ScoredToken> tokens, String reasoning, String text) {
        int[] starts = new int[tokens.size() + 1];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = joined.length();
            joined.append(tokens.get(i).text());
        }
        starts[tokens.size()] = joined.length();
        String all = joined.toString();
        if (tokens.isEmpty()) {
            return new TokenMap(tokens, starts, TokenAlignment.NONE, null, null);
        }
        if (all.equals(reasoning + text)) {
            return new TokenMap(tokens, starts, TokenAlignment.FULL, 0, reasoning.length());
        }
        if (!reasoning.isEmpty() && all.equals(text)) {
            return new TokenMap(tokens, starts, TokenAlignment.TEXT_ONLY, null, 0);
        }
        int inTags = reasoningInThinkTags(all, reasoning, text);
        if (inTags >= 0) {
            return new TokenMap(tokens, starts, TokenAlignment.FULL, inTags, all.length() - text.length());
        }
        return new TokenMap(tokens, starts, TokenAlignment.NONE, null, null);
    }

    /**
     * Where the reasoning starts when the joined texts are the raw output the reasoning was split from:
     * blanks, {@code <think>}, the reasoning, {@code </think>} (absent when the output was cut off), the text;
     * -1 when they are not. The opening tag may be missing, as when the prompt ended with it.
     */
    private static int reasoningInThinkTags(String all, String reasoning, String text) {
        if (reasoning.isEmpty() || !all.endsWith(text)) {
            return -1;
        }
        String head = all.substring(0, all.length() - text.length());
        int start = 0;
        while (start < head.length() && Character.isWhitespace(head.charAt(start))) {
            start++;
        }
        start = head.startsWith(ThinkTagSplitter.OPEN, start) ? start + ThinkTagSplitter.OPEN.length() : 0;
        if (!head.startsWith(reasoning, start)) {
            return -1;
        }
        String rest = head.substring(start + reasoning.length());
        boolean closed = rest.equals(ThinkTagSplitter.CLOSE);
        return closed || (rest.isEmpty() && text.isEmpty()) ? start : -1;
    }

    TokenAlignment alignment() {
        return alignment;
    }

    /** The passage that is {@code range} of {@code fieldText}, with its tokens when the field is aligned. */
    Passage passage(SampleField field, String fieldText, Range range) {
        Integer offset = field == SampleField.REASONING ? reasoningOffset : textOffset;
        if (offset == null) {
            return new Passage(range.of(fieldText), field, range, null, Range.empty(0), List.of(), null);
        }
        Range inTokens = range.shift(offset);
        Range indexes = overlapping(inTokens);
        List<ScoredToken> covered = tokens.subList(indexes.start(), indexes.end());
        return new Passage(range.of(fieldText), field, range, inTokens, indexes, covered,
                Confidence.of(covered, indexes.start()));
    }

    // An empty token (the first bytes of a character the next token completes) sits at that character's offset,
    // so it belongs to the passage holding the character.
    private Range overlapping(Range chars) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size() && starts[i] < chars.end(); i++) {
            boolean empty = starts[i] == starts[i + 1];
            boolean overlaps = empty ? starts[i] >= chars.start() : starts[i + 1] > chars.start();
            if (overlaps) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        return first < 0 ? Range.empty(0) : new Range(first, last + 1);
    }
}
