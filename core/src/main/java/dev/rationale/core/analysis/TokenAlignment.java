// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

/**
 * How a sample's scored tokens line up with its text, which decides which passages get token scores. The tokens'
 * texts are joined and compared with the sample's strings; only an exact match of one of these layouts counts,
 * so a passage is left unscored rather than scored with the wrong tokens.
 */
public enum TokenAlignment {
    /**
     * The tokens cover all of the sample: the joined token texts equal the reasoning followed by the text, or the
     * raw output {@code <think>reasoning</think>text} (blanks before {@code <think>} allowed, the opening tag absent
     * when the prompt opened it) from which the reasoning was split.
     */
    FULL,
    /** The tokens cover the text only (the joined token texts equal it); the separate reasoning is unscored. */
    TEXT_ONLY,
    /** No tokens, or their texts match none of the layouts above: nothing is scored. */
    NONE
}
