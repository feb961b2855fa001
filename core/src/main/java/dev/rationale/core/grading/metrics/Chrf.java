// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * chrF, the character n-gram F-score (Popović 2015), computed as sacreBLEU 2.x computes it, on sacreBLEU's 0-100
 * scale. {@link #CHRF2} is sacreBLEU's default {@code chrF2} (signature {@code nc:6|nw:0|space:no|eff:yes}):
 * character 1- to 6-grams of the text with its whitespace removed, recall weighted by beta = 2.
 * {@link #CHRF_PLUS_PLUS} adds word 1- and 2-grams (chrF++, Popović 2017), the words split off their leading or
 * trailing ASCII punctuation as sacreBLEU does.
 *
 * <p>Two ways to average the orders, as in sacreBLEU:
 * <ul>
 *   <li>the default ({@code epsSmoothing} false, sacreBLEU's {@code eff:yes}): precision and recall are each
 *       averaged over the orders that both texts have n-grams of, then combined into one F-score;</li>
 *   <li>{@code epsSmoothing} true (chrF++.py, Moses and NLTK): an F-score per order, an order either text lacks
 *       counting a tiny epsilon, averaged over all orders.</li>
 * </ul>
 * Texts are compared as they are (case-sensitive, no tokenizing). A corpus score is the score of the sentences'
 * summed {@link ChrfStats}, which is not the mean of their scores. Immutable; safe from any thread.
 *
 * @param charOrder character n-gram orders 1..charOrder (6 in chrF2)
 * @param wordOrder word n-gram orders 1..wordOrder (0 in chrF2, 2 in chrF++)
 * @param beta how many times more recall weighs than precision
 * @param epsSmoothing average per-order F-scores with epsilon smoothing instead of the effective orders
 * @param keepWhitespace count spaces inside character n-grams instead of removing them first
 */
public record Chrf(int charOrder, int wordOrder, int beta, boolean epsSmoothing, boolean keepWhitespace) {

    /** sacreBLEU's default chrF: {@code chrF2|nc:6|nw:0|space:no|eff:yes}. */
    public static final Chrf CHRF2 = new Chrf(6, 0, 2, false, false);

    /** chrF++ with sacreBLEU's defaults otherwise: {@code chrF2++|nc:6|nw:2|space:no|eff:yes}. */
    public static final Chrf CHRF_PLUS_PLUS = new Chrf(6, 2, 2, false, false);

    private static final double EPSILON = 1e-16;
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** @throws IllegalArgumentException when there is no order, an order is negative or beta is below 1 */
    public Chrf {
        if (charOrder < 0 || wordOrder < 0 || charOrder + wordOrder == 0) {
            throw new IllegalArgumentException("chrF needs at least one n-gram order, got " + charOrder
                    + " character and " + wordOrder + " word orders");
        }
        if (beta < 1) {
            throw new IllegalArgumentException("chrF needs beta >= 1, got " + beta);
        }
    }

    /** The same metric with another recall weight. */
    public Chrf withBeta(int newBeta) {
        return new Chrf(charOrder, wordOrder, newBeta, epsSmoothing, keepWhitespace);
    }

    /** The same metric averaging per-order F-scores with epsilon smoothing (or not). */
    public Chrf withEpsSmoothing(boolean smoothing) {
        return new Chrf(charOrder, wordOrder, beta, smoothing, keepWhitespace);
    }

    /** The same metric counting spaces inside character n-grams (or not). */
    public Chrf withKeepWhitespace(boolean keep) {
        return new Chrf(charOrder, wordOrder, beta, epsSmoothing, keep);
    }

    /** sacreBLEU's name for it: {@code chrF2}, {@code chrF2++}. */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }

    /** The counts of a hypothesis against its reference. */
    public ChrfStats stats(String hypothesis, String reference) {
        return stats(ngrams(hypothesis), ngrams(reference));
    }

    /**
     * The counts against the reference that gives the highest F-score (the first of equals), as sacreBLEU picks
     * among several references.
     *
     * @throws IllegalArgumentException when there is no reference
     */
    public ChrfStats stats(String hypothesis, List<String> references) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("chrF needs at least one reference");
        }
        List<NgramCounts> hypothesisNgrams = ngrams(hypothesis);
        ChrfStats best = stats(hypothesisNgrams, ngrams(references.getFirst()));
        double bestScore = score(best);
        for (String reference : references.subList(1, references.size())) {
            ChrfStats candidate = stats(hypothesisNgrams, ngrams(reference));
            double score = score(candidate);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Sentence chrF of a hypothesis against its reference, 0-100. */
    public double sentenceScore(String hypothesis, String reference) {
        return score(stats(hypothesis, reference));
    }

    /**
     * Corpus chrF: the score of the sentences' summed counts, 0-100.
     *
     * @param references one per hypothesis, in the same order
     * @throws IllegalArgumentException when the lists differ in length or are empty
     */
    public double corpusScore(List<String> hypotheses, List<String> references) {
        return score(CorpusCounts.sum("chrF", hypotheses, references, ChrfStats.zero(charOrder, wordOrder),
                this::stats, ChrfStats::plus));
    }

    /**
     * The score of counts, 0-100: 0 when nothing matched, 100 when every order matched in full.
     *
     * @throws IllegalArgumentException when the counts were made with other orders than this metric's
     */
    public double score(ChrfStats stats) {
        if (stats.charOrder() != charOrder || stats.wordOrder() != wordOrder) {
            throw new IllegalArgumentException(name() + " cannot score counts of other orders: " + stats);
        }
        double factor = (double) beta * beta;
        double smoothedSum = 0;
        double precisionSum = 0;
        double recallSum = 0;
        int effectiveOrders = 0;
        for (int i = 0; i < stats.orders(); i++) {
            long hypothesisCount = stats.hypothesisCount(i);
            long referenceCount = stats.referenceCount(i);
            double precision = hypothesisCount > 0 ? (double) stats.matches(i) / hypothesisCount : EPSILON;
            double recall = referenceCount > 0 ? (double) stats.matches(i) / referenceCount : EPSILON;
            double denominator = factor * precision + recall;
            smoothedSum += denominator > 0 ? (1 + factor) * precision * recall / denominator : EPSILON;
            if (hypothesisCount > 0 && referenceCount > 0) {
                precisionSum += precision;
                recallSum += recall;
                effectiveOrders++;
            }
        }
        if (epsSmoothing) {
            return 100 * smoothedSum / stats.orders();
        }
        if (effectiveOrders == 0) {
            return 0;
        }
        double precision = precisionSum / effectiveOrders;
        double recall = recallSum / effectiveOrders;
        if (precision + recall == 0) {
            return 0;
        }
        return 100 * ((1 + factor) * precision * recall / (factor * precision + recall));
    }

    private ChrfStats stats(List<NgramCounts> hypothesis, List<NgramCounts> reference) {
        int orders = charOrder + wordOrder;
        long[] hypothesisCounts = new long[orders];
        long[] referenceCounts = new long[orders];
        long[] matches = new long[orders];
        for (int i = 0; i < orders; i++) {
            NgramCounts hypothesisNgrams = hypothesis.get(i);
            NgramCounts referenceNgrams = reference.get(i);
            // As sacreBLEU: where the reference has no n-gram of this order, the hypothesis's are not counted
            // either, so an order too long for the reference lowers neither precision nor recall.
            hypothesisCounts[i] = referenceNgrams.isEmpty() ? 0 : hypothesisNgrams.total();
            referenceCounts[i] = referenceNgrams.total();
            matches[i] = hypothesisNgrams.clippedMatches(referenceNgrams);
        }
        return ChrfStats.of(charOrder, wordOrder, hypothesisCounts, referenceCounts, matches);
    }

    private List<NgramCounts> ngrams(String text) {
        List<NgramCounts> ngrams = new ArrayList<>(charOrder + wordOrder);
        int[] characters = (keepWhitespace ? text : PythonWhitespace.removeAll(text)).codePoints().toArray();
        for (int n = 1; n <= charOrder; n++) {
            ngrams.add(NgramCounts.ofCharacters(characters, n));
        }
        if (wordOrder > 0) {
            List<String> words = splitPunctuation(PythonWhitespace.split(text));
            for (int n = 1; n <= wordOrder; n++) {
                ngrams.add(NgramCounts.ofWords(words, n));
            }
        }
        return ngrams;
    }

    /**
     * chrF++'s words: one ASCII punctuation mark split off the end of a word, or else off its start. Like
     * sacreBLEU (and chrF++.py) only one mark per word is split, so "(hi)" gives "(hi" and ")".
     */
    private static List<String> splitPunctuation(List<String> words) {
        List<String> split = new ArrayList<>(words.size());
        for (String word : words) {
            if (word.codePointCount(0, word.length()) == 1) {
                split.add(word);
            } else if (isPunctuation(word.charAt(word.length() - 1))) {
                split.add(word.substring(0, word.length() - 1));
                split.add(word.substring(word.length() - 1));
            } else if (isPunctuation(word.charAt(0))) {
                split.add(word.substring(0, 1));
                split.add(word.substring(1));
            } else {
                split.add(word);
            }
        }
        return split;
    }

    private static boolean isPunctuation(char c) {
        return ASCII_PUNCTUATION.indexOf(c) >= 0;
    }
}
