// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionEvent.ReasoningDelta;
import dev.rationale.core.provider.CompletionEvent.TextDelta;
import dev.rationale.core.provider.ThinkTagSplitter;
import java.util.ArrayList;
import java.util.List;

/**
 * One sample's released text, split into reasoning and answer as the engine writes it: the model's
 * {@code <think>…</think>} block becomes reasoning ({@link ThinkTagSplitter}), so the answer, and what grades it,
 * never holds the thinking. Counts the generated tokens spent thinking: a released chunk's tokens count as
 * reasoning when the chunk began inside the block or any of its text went to it, so the tokens of the tags
 * themselves count too. Not thread-safe: one per sample, on the generating thread.
 */
final class ReasoningSplit {
    private final ThinkTagSplitter splitter;
    private int reasoningTokens;
    private boolean reasoned;

    /**
     * @param prompt the prompt's text: a template that opens the block ({@code <think>} at its end) starts the
     *     output in reasoning
     * @param kept for a branch, the text of the kept tokens, which the continuation follows
     */
    ReasoningSplit(String prompt, String kept) {
        this.splitter = ThinkTagSplitter.forPrompt(prompt);
        if (!kept.isEmpty()) {
            List<ThinkTagSplitter.Piece> pieces = new ArrayList<>(splitter.feed(kept));
            reasoned = splitter.inReasoning() || pieces.stream().anyMatch(ThinkTagSplitter.Piece::reasoning);
        }
    }

    /** The events for {@code text}, released with {@code tokens} generated tokens. */
    List<CompletionEvent> feed(int sample, String text, int tokens) {
        boolean wasReasoning = splitter.inReasoning();
        List<ThinkTagSplitter.Piece> pieces = splitter.feed(text);
        if (wasReasoning || splitter.inReasoning() || pieces.stream().anyMatch(ThinkTagSplitter.Piece::reasoning)) {
            reasoningTokens += tokens;
            reasoned = true;
        }
        return events(sample, pieces);
    }

    /** The text still held back, at the sample's end. */
    List<CompletionEvent> finish(int sample) {
        return events(sample, splitter.finish());
    }

    /** Generated tokens spent thinking; meaningful once {@link #reasoned()}. */
    int reasoningTokens() {
        return reasoningTokens;
    }

    /** Whether the sample (or its kept part) thought at all. */
    boolean reasoned() {
        return reasoned;
    }

    private static List<CompletionEvent> events(int sample, List<ThinkTagSplitter.Piece> pieces) {
        List<CompletionEvent> events = new ArrayList<>(pieces.size());
        for (ThinkTagSplitter.Piece piece : pieces) {
            if (!piece.text().isEmpty()) {
                events.add(piece.reasoning() ? new ReasoningDelta(sample, piece.text())
                        : new TextDelta(sample, piece.text()));
            }
        }
        return events;
    }
}
