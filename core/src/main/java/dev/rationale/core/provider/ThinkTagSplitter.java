// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import dev.rationale.core.answer.ThinkBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw model output into reasoning and answer text as it streams, for endpoints that return the model's text
 * unparsed (legacy completions, llama.cpp {@code /completion}, Ollama {@code raw}). The reasoning is the one
 * {@code <think>…</think>} block a model writes before its answer (Qwen3, DeepSeek-R1, QwQ):
 * <ul>
 *   <li>it opens with {@code <think>} as the first non-blank output, or is already open when the prompt ended with
 *       {@code <think>} (the R1 and QwQ templates put it there, so the output has only the closing tag);</li>
 *   <li>it closes at the first {@code </think>}; everything after is answer, tags included;</li>
 *   <li>output that starts with anything else is all answer.</li>
 * </ul>
 * Tags are removed; all other text is passed on exactly, including the line breaks after {@code </think>}. Blank
 * output before an opening tag is dropped. To never show part of a tag split across chunks, up to
 * {@code "</think>".length() - 1} characters (and any leading blanks) are held back until the next chunk or
 * {@link #finish()}. Pure and not thread-safe: one instance per sample.
 */
public final class ThinkTagSplitter {

    /** A run of text and which side it belongs to. */
    public record Piece(boolean reasoning, String text) {
    }

    public static final String OPEN = ThinkBlock.OPEN;
    public static final String CLOSE = ThinkBlock.CLOSE;

    private enum State { BEFORE, REASONING, ANSWER }

    private final StringBuilder pending = new StringBuilder();
    private State state;

    /** @param startInReasoning the prompt already opened the reasoning block */
    public ThinkTagSplitter(boolean startInReasoning) {
        this.state = startInReasoning ? State.REASONING : State.BEFORE;
    }

    /** A splitter for output continuing {@code prompt}: in reasoning when the prompt ends with {@code <think>}. */
    public static ThinkTagSplitter forPrompt(String prompt) {
        return new ThinkTagSplitter(prompt.stripTrailing().endsWith(OPEN));
    }

    /** The pieces {@code chunk} completes, in order; may be empty while text is held back. */
    public List<Piece> feed(String chunk) {
        pending.append(chunk);
        return drain(false);
    }

    /** Everything still held back, at the end of the output. */
    public List<Piece> finish() {
        return drain(true);
    }

    /** Whether the output is (so far) inside the reasoning block. */
    public boolean inReasoning() {
        return state == State.REASONING;
    }

    private List<Piece> drain(boolean end) {
        List<Piece> pieces = new ArrayList<>();
        boolean progressed = true;
        while (progressed && !pending.isEmpty()) {
            progressed = switch (state) {
                case BEFORE -> before(end);
                case REASONING -> reasoning(end, pieces);
                case ANSWER -> {
                    take(pending.length(), false, pieces);
                    yield true;
                }
            };
        }
        return pieces;
    }

    /** Decides whether the output opens with the tag; false when it needs more text to tell. */
    private boolean before(boolean end) {
        int start = 0;
        while (start < pending.length() && Character.isWhitespace(pending.charAt(start))) {
            start++;
        }
        String rest = pending.substring(start);
        if (rest.startsWith(OPEN)) {
            pending.delete(0, start + OPEN.length());
            state = State.REASONING;
            return true;
        }
        if (!end && OPEN.startsWith(rest)) {
            return false;
        }
        state = State.ANSWER;
        return true;
    }

    private boolean reasoning(boolean end, List<Piece> pieces) {
        int close = pending.indexOf(CLOSE);
        if (close >= 0) {
            take(close, true, pieces);
            pending.delete(0, CLOSE.length());
            state = State.ANSWER;
            return true;
        }
        int hold = end ? 0 : heldBack();
        take(pending.length() - hold, true, pieces);
        return false;
    }

    /** The length of the longest end of the pending text that could be the start of the closing tag. */
    private int heldBack() {
        for (int n = Math.min(CLOSE.length() - 1, pending.length()); n > 0; n--) {
            if (pending.substring(pending.length() - n).equals(CLOSE.substring(0, n))) {
                return n;
            }
        }
        return 0;
    }

    private void take(int length, boolean reasoning, List<Piece> pieces) {
        if (length <= 0) {
            return;
        }
        String text = pending.substring(0, length);
        pending.delete(0, length);
        int last = pieces.size() - 1;
        if (last >= 0 && pieces.get(last).reasoning() == reasoning) {
            pieces.set(last, new Piece(reasoning, pieces.get(last).text() + text));
        } else {
            pieces.add(new Piece(reasoning, text));
        }
    }
}
