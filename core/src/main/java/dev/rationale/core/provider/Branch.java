// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.List;

/**
 * Where to branch a completion: keep its first {@code position} generated tokens, put {@code token} in place of
 * the one at {@code position}, and continue from there. The ids come from the original completion's
 * {@link TokenIdListener} (the generated ids and, for each, the ids of its alternatives). A free branch
 * ({@link #resample}) keeps the same tokens and lets the model sample the one at {@code position} itself: the way to
 * continue an answer from a point several times.
 *
 * @param generated the original completion's generated token ids, in order (at least the first
 *     {@code position})
 * @param position the index in {@code generated} where the branch starts, 0 for the first generated token
 * @param token the id to put at {@code position}, usually one of that position's alternatives; {@link #FREE} to
 *     sample it
 */
public record Branch(List<Integer> generated, int position, int token) {
    /** The {@code token} of a free branch: none is forced, the model samples one. */
    public static final int FREE = -1;

    public Branch {
        generated = List.copyOf(generated);
        if (position < 0 || position > generated.size()) {
            throw new IllegalArgumentException("position " + position + " is outside the " + generated.size()
                    + " generated tokens");
        }
    }

    /** A free branch: keeps the first {@code position} tokens of {@code generated} and samples from there. */
    public static Branch resample(List<Integer> generated, int position) {
        return new Branch(generated, position, FREE);
    }

    /** Whether a token is put at {@code position}; false for a free branch. */
    public boolean forced() {
        return token != FREE;
    }

    /** The tokens kept before the branch point. */
    public List<Integer> prefix() {
        return generated.subList(0, position);
    }
}
