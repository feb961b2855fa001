// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The counts BLEU is computed from: the hypothesis's length in tokens, the reference length it is measured against,
 * and per n-gram order (1..max, numbered from 0) the hypothesis's n-grams and those of them found in the reference
 * (clipped). Sentences' counts add up with {@link #plus} into a corpus's, so the brevity penalty of corpus BLEU
 * comes from the summed lengths, as sacreBLEU's corpus_score computes it. Immutable; safe from any thread.
 */
public final class BleuStats {
    private final long hypothesisLength;
    private final long referenceLength;
    private final long[] matches;
    private final long[] totals;

    private BleuStats(long hypothesisLength, long referenceLength, long[] matches, long[] totals) {
        this.hypothesisLength = hypothesisLength;
        this.referenceLength = referenceLength;
        this.matches = matches;
        this.totals = totals;
    }

    /** Nothing counted yet: the start of a corpus sum. */
    public static BleuStats zero(int maxOrder) {
        checkOrder(maxOrder);
        return new BleuStats(0, 0, new long[maxOrder], new long[maxOrder]);
    }

    /**
     * Counts read back from storage.
     *
     * @param matches per order, the hypothesis's n-grams found in the reference
     * @param totals per order, the hypothesis's n-grams
     * @throws IllegalArgumentException when the arrays differ in length or are empty, a count is negative, or
     *         more n-grams match than there are
     */
    public static BleuStats of(long hypothesisLength, long referenceLength, long[] matches, long[] totals) {
        checkOrder(matches.length);
        if (matches.length != totals.length) {
            throw new IllegalArgumentException("BLEU counts need as many totals as matches, got " + matches.length
                    + " and " + totals.length);
        }
        if (hypothesisLength < 0 || referenceLength < 0) {
            throw new IllegalArgumentException("BLEU lengths cannot be negative: " + hypothesisLength + " and "
                    + referenceLength);
        }
        for (int i = 0; i < matches.length; i++) {
            if (matches[i] < 0 || matches[i] > totals[i]) {
                throw new IllegalArgumentException("BLEU counts of order " + (i + 1) + " are impossible: "
                        + matches[i] + " matches of " + totals[i] + " n-grams");
            }
        }
        return new BleuStats(hypothesisLength, referenceLength, matches.clone(), totals.clone());
    }

    private static void checkOrder(int maxOrder) {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("BLEU needs at least one n-gram order, got " + maxOrder);
        }
    }

    /**
     * The counts of both.
     *
     * @throws IllegalArgumentException when the two were counted up to different orders
     */
    public BleuStats plus(BleuStats other) {
        if (other.maxOrder() != maxOrder()) {
            throw new IllegalArgumentException("BLEU counts of different orders cannot be added: " + this + " and "
                    + other);
        }
        long[] sumMatches = new long[maxOrder()];
        long[] sumTotals = new long[maxOrder()];
        for (int i = 0; i < maxOrder(); i++) {
            sumMatches[i] = matches[i] + other.matches[i];
            sumTotals[i] = totals[i] + other.totals[i];
        }
        return new BleuStats(hypothesisLength + other.hypothesisLength, referenceLength + other.referenceLength,
                sumMatches, sumTotals);
    }

    public int maxOrder() {
        return matches.length;
    }

    /** The hypothesis's tokens. */
    public long hypothesisLength() {
        return hypothesisLength;
    }

    /** The reference's tokens (of several references, the one closest in length to the hypothesis). */
    public long referenceLength() {
        return referenceLength;
    }

    /** The hypothesis's n-grams of an order (0-based) found in the reference, clipped to the reference's counts. */
    public long matches(int order) {
        return matches[order];
    }

    /** The hypothesis's n-grams of an order (0-based). */
    public long total(int order) {
        return totals[order];
    }

    /**
     * The brevity penalty: 1 when the hypothesis is at least as long as the reference, else
     * {@code exp(1 - reference / hypothesis)}, and 0 for an empty hypothesis against a non-empty reference.
     */
    public double brevityPenalty() {
        if (hypothesisLength >= referenceLength) {
            return 1;
        }
        return hypothesisLength == 0 ? 0 : Math.exp(1 - (double) referenceLength / hypothesisLength);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BleuStats that && hypothesisLength == that.hypothesisLength
                && referenceLength == that.referenceLength && Arrays.equals(matches, that.matches)
                && Arrays.equals(totals, that.totals);
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(hypothesisLength);
        hash = 31 * hash + Long.hashCode(referenceLength);
        hash = 31 * hash + Arrays.hashCode(matches);
        return 31 * hash + Arrays.hashCode(totals);
    }

    @Override
    public String toString() {
        return "BleuStats[hypothesis=" + hypothesisLength + ", reference=" + referenceLength + ", matches="
                + Arrays.toString(matches) + ", totals=" + Arrays.toString(totals) + "]";
    }
}
