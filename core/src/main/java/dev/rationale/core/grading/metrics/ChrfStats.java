// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The counts chrF is computed from, per n-gram order: the hypothesis's n-grams, the reference's n-grams, and the
 * hypothesis's n-grams found in the reference (clipped). Sentences' counts add up with {@link #plus} into a
 * corpus's, which is how sacreBLEU's corpus chrF is defined: the score of the summed counts, not the mean of the
 * sentences' scores.
 *
 * <p>Orders are numbered from 0: first the character orders 1..{@code charOrder}, then the word orders
 * 1..{@code wordOrder} (chrF++). Immutable; safe from any thread.
 */
public final class ChrfStats {
    private final int charOrder;
    private final int wordOrder;
    private final long[] hypothesis;
    private final long[] reference;
    private final long[] matches;

    private ChrfStats(int charOrder, int wordOrder, long[] hypothesis, long[] reference, long[] matches) {
        this.charOrder = charOrder;
        this.wordOrder = wordOrder;
        this.hypothesis = hypothesis;
        this.reference = reference;
        this.matches = matches;
    }

    /** Nothing counted yet: the start of a corpus sum. */
    public static ChrfStats zero(int charOrder, int wordOrder) {
        int orders = orders(charOrder, wordOrder);
        return new ChrfStats(charOrder, wordOrder, new long[orders], new long[orders], new long[orders]);
    }

    /**
     * Counts read back from storage, one entry per order (character orders first, then word orders).
     *
     * @throws IllegalArgumentException when an array has the wrong length, a count is negative, or more n-grams
     *         match than the hypothesis or the reference has
     */
    public static ChrfStats of(int charOrder, int wordOrder, long[] hypothesis, long[] reference, long[] matches) {
        int orders = orders(charOrder, wordOrder);
        if (hypothesis.length != orders || reference.length != orders || matches.length != orders) {
            throw new IllegalArgumentException("chrF counts need " + orders + " orders, got " + hypothesis.length
                    + ", " + reference.length + " and " + matches.length);
        }
        for (int i = 0; i < orders; i++) {
            if (matches[i] < 0 || matches[i] > hypothesis[i] || matches[i] > reference[i]) {
                throw new IllegalArgumentException("chrF counts of order " + (i + 1) + " are impossible: "
                        + matches[i] + " matches of " + hypothesis[i] + " hypothesis and " + reference[i]
                        + " reference n-grams");
            }
        }
        return new ChrfStats(charOrder, wordOrder, hypothesis.clone(), reference.clone(), matches.clone());
    }

    private static int orders(int charOrder, int wordOrder) {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException("chrF needs at least one n-gram order, got " + charOrder
                    + " character and " + wordOrder + " word orders");
        }
        return charOrder + wordOrder;
    }

    /**
     * The counts of both, order by order.
     *
     * @throws IllegalArgumentException when the two were counted with different orders
     */
    public ChrfStats plus(ChrfStats other) {
        if (other.charOrder != charOrder || other.wordOrder != wordOrder) {
            throw new IllegalArgumentException("chrF counts of different orders cannot be added: " + this
                    + " and " + other);
        }
        int orders = orders();
        long[] sumHypothesis = new long[orders];
        long[] sumReference = new long[orders];
        long[] sumMatches = new long[orders];
        for (int i = 0; i < orders; i++) {
            sumHypothesis[i] = hypothesis[i] + other.hypothesis[i];
            sumReference[i] = reference[i] + other.reference[i];
            sumMatches[i] = matches[i] + other.matches[i];
        }
        return new ChrfStats(charOrder, wordOrder, sumHypothesis, sumReference, sumMatches);
    }

    public int charOrder() {
        return charOrder;
    }

    public int wordOrder() {
        return wordOrder;
    }

    /** Character orders plus word orders. */
    public int orders() {
        return charOrder + wordOrder;
    }

    /** The hypothesis's n-grams of an order (0-based, character orders first). */
    public long hypothesisCount(int order) {
        return hypothesis[order];
    }

    /** The reference's n-grams of an order (0-based, character orders first). */
    public long referenceCount(int order) {
        return reference[order];
    }

    /** The hypothesis's n-grams of an order found in the reference, clipped to the reference's counts. */
    public long matches(int order) {
        return matches[order];
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ChrfStats that && charOrder == that.charOrder && wordOrder == that.wordOrder
                && Arrays.equals(hypothesis, that.hypothesis) && Arrays.equals(reference, that.reference)
                && Arrays.equals(matches, that.matches);
    }

    @Override
    public int hashCode() {
        int hash = 31 * charOrder + wordOrder;
        hash = 31 * hash + Arrays.hashCode(hypothesis);
        hash = 31 * hash + Arrays.hashCode(reference);
        return 31 * hash + Arrays.hashCode(matches);
    }

    @Override
    public String toString() {
        return "ChrfStats[chars=" + charOrder + ", words=" + wordOrder + ", hypothesis="
                + Arrays.toString(hypothesis) + ", reference=" + Arrays.toString(reference) + ", matches="
                + Arrays.toString(matches) + "]";
    }
}
