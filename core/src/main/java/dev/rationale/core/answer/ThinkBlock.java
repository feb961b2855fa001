// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.answer;

/**
 * The {@code <think>…</think>} block a reasoning model (Qwen3, DeepSeek-R1, QwQ) writes before its answer, as a
 * whole text holds it. Providers split it off as the text streams; this reads a finished text, so what grades an
 * answer never reads thinking a backend left in. Pure.
 */
public final class ThinkBlock {
    public static final String OPEN = "<think>";
    public static final String CLOSE = "</think>";

    private ThinkBlock() {
    }

    /**
     * The answer part of {@code output}: all of it, unless it opens (after blanks) with {@code <think>}; then what
     * follows the first {@code </think>}, or nothing when the block never closed (the model was cut off while
     * thinking).
     */
    public static String answerOf(String output) {
        String trimmed = output.stripLeading();
        if (!trimmed.startsWith(OPEN)) {
            return output;
        }
        int close = trimmed.indexOf(CLOSE, OPEN.length());
        return close < 0 ? "" : trimmed.substring(close + CLOSE.length());
    }
}
