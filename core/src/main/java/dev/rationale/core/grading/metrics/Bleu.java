// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * BLEU (Papineni et al. 2002) as sacreBLEU 2.x computes it, on sacreBLEU's 0-100 scale: texts tokenized by
 * {@link Tokenizer13a} (case kept), n-gram precisions up to order 4 clipped to the reference's counts, their
 * geometric mean times the brevity penalty.
 *
 * <p>{@link #CORPUS} is sacreBLEU's {@code corpus_bleu} ({@code nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp}):
 * a corpus is scored from its sentences' summed {@link BleuStats}, so the brevity penalty compares summed lengths
 * and the score is not the mean of the sentences' scores. {@link #SENTENCE} is sacreBLEU's {@code sentence_bleu}
 * ({@code eff:yes}): orders the hypothesis is too short to have are left out of the mean, so "a b" against "a b"
 * scores 100 instead of 0.
 *
 * <p>Both use sacreBLEU's default smoothing, {@link Smoothing#EXP} (NIST's, as mteval-v13a): the k-th order that
 * has n-grams but no match counts as precision {@code 1 / (2^k * total)} instead of 0. A corpus or sentence with no
 * matching n-gram at all scores 0 either way. Immutable; safe from any thread.
 *
 * @param maxOrder the longest n-grams counted (4 in BLEU)
 * @param smoothing what an order with n-grams but no match counts
 * @param effectiveOrder leave out of the mean the orders the hypothesis has no n-gram of
 */
public record Bleu(int maxOrder, Smoothing smoothing, boolean effectiveOrder) {

    /** sacreBLEU's corpus BLEU: orders 1-4, exp smoothing, every order in the mean. */
    public static final Bleu CORPUS = new Bleu(4, Smoothing.EXP, false);

    /** sacreBLEU's sentence BLEU: orders 1-4, exp smoothing, only the orders the hypothesis has in the mean. */
    public static final Bleu SENTENCE = new Bleu(4, Smoothing.EXP, true);

    // sacreBLEU's my_log floors log(0) at this, so a zero precision makes the geometric mean underflow to 0.
    private static final double LOG_OF_ZERO = -9999999999.0;

    /** How a precision of 0 in an order that has n-grams counts. */
    public enum Smoothing {
        /** As 0: one such order makes the score 0. */
        NONE,
        /** NIST's: the k-th such order counts {@code 1 / (2^k * total)}. */
        EXP
    }

    /** @throws IllegalArgumentException when maxOrder is below 1 */
    public Bleu {
        if (maxOrder < 1) {
            throw new IllegalArgumentException("BLEU needs at least one n-gram order, got " + maxOrder);
        }
    }

    /** The counts of a hypothesis against its reference. */
    public BleuStats stats(String hypothesis, String reference) {
        return stats(hypothesis, List.of(reference));
    }

    /**
     * The counts against several references: each n-gram clipped to the highest count any reference has, and the
     * length of the reference closest to the hypothesis's (the shorter of two equally close).
     *
     * @throws IllegalArgumentException when there is no reference
     */
    public BleuStats stats(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("BLEU needs at least one reference");
        }
        List<String> hypothesisTokens = tokens(hypothesis);
        List<List<String>> referenceTokens = references.stream().map(Bleu::tokens).toList();
        long[] matches = new long[maxOrder];
        long[] totals = new long[maxOrder];
        for (int n = 1; n <= maxOrder; n++) {
            NgramCounts hypothesisNgrams = NgramCounts.ofWords(hypothesisTokens, n);
            List<NgramCounts> referenceNgrams = new ArrayList<>(references.size());
            for (List<String> tokens : referenceTokens) {
                referenceNgrams.add(NgramCounts.ofWords(tokens, n));
            }
            totals[n - 1] = hypothesisNgrams.total();
            matches[n - 1] = hypothesisNgrams.clippedMatches(NgramCounts.maxOf(referenceNgrams));
        }
        return BleuStats.of(hypothesisTokens.size(), closestLength(hypothesisTokens.size(), referenceTokens),
                matches, totals);
    }

    /** BLEU of one hypothesis against its reference, 0-100. */
    public double sentenceScore(String hypothesis, String reference) {
        return score(stats(hypothesis, reference));
    }

    /**
     * BLEU of a corpus from its sentences' summed counts, 0-100.
     *
     * @param references one per hypothesis, in the same order
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    public double corpusScore(List<String> hypotheses, List<String> references) {
        return score(CorpusCounts.sum("BLEU", hypotheses, references, BleuStats.zero(maxOrder), this::stats,
                BleuStats::plus));
    }

    /**
     * The score of counts, 0-100.
     *
     * @throws IllegalArgumentException when the counts go up to another order than this metric's
     */
    public double score(BleuStats stats) {
        if (stats.maxOrder() != maxOrder) {
            throw new IllegalArgumentException("BLEU up to order " + maxOrder + " cannot score counts up to order "
                    + stats.maxOrder());
        }
        boolean anyMatch = false;
        for (int i = 0; i < maxOrder; i++) {
            anyMatch |= stats.matches(i) > 0;
        }
        if (!anyMatch) {
            return 0;
        }
        double[] precisions = new double[maxOrder];
        double halvings = 1;
        int orders = maxOrder;
        for (int n = 1; n <= maxOrder; n++) {
            long total = stats.total(n - 1);
            if (total == 0) {
                // Longer orders have no n-gram either; their precision stays 0 unless the effective order ends
                // the mean here.
                break;
            }
            if (effectiveOrder) {
                orders = n;
            }
            long matches = stats.matches(n - 1);
            if (matches > 0) {
                precisions[n - 1] = 100.0 * matches / total;
            } else if (smoothing == Smoothing.EXP) {
                halvings *= 2;
                precisions[n - 1] = 100.0 / (halvings * total);
            }
        }
        double logSum = 0;
        for (int i = 0; i < orders; i++) {
            logSum += precisions[i] == 0 ? LOG_OF_ZERO : Math.log(precisions[i]);
        }
        return stats.brevityPenalty() * Math.exp(logSum / orders);
    }

    /** The tokens BLEU counts: trailing whitespace dropped, then the 13a tokenizer, as sacreBLEU. */
    static List<String> tokens(String text) {
        return PythonWhitespace.split(Tokenizer13a.tokenize(PythonWhitespace.stripTrailing(text)));
    }

    private static long closestLength(int hypothesisLength, List<List<String>> references) {
        long closest = -1;
        long closestDifference = Long.MAX_VALUE;
        for (List<String> reference : references) {
            long difference = Math.abs(hypothesisLength - reference.size());
            if (difference < closestDifference || difference == closestDifference && reference.size() < closest) {
                closest = reference.size();
                closestDifference = difference;
            }
        }
        return closest;
    }
}
