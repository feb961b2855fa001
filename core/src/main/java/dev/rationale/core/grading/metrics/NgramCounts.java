// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each n-gram of one order occurs in a text: the multiset that chrF and BLEU clip a hypothesis's n-grams
 * against. Character n-grams are runs of code points (as in Python, so an accented letter or an emoji is one
 * character); word n-grams are words joined by one space, a key no two different word runs share because words
 * hold no whitespace. Not changed after it is built.
 */
final class NgramCounts {
    private final Map<String, Integer> counts;
    private final long total;

    private NgramCounts(Map<String, Integer> counts) {
        this.counts = counts;
        this.total = counts.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The character n-grams of order {@code n} of a text given as code points. */
    static NgramCounts ofCharacters(int[] codePoints, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= codePoints.length; i++) {
            counts.merge(new String(codePoints, i, n), 1, Integer::sum);
        }
        return new NgramCounts(counts);
    }

    /** The word n-grams of order {@code n}. */
    static NgramCounts ofWords(List<String> words, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= words.size(); i++) {
            counts.merge(String.join(" ", words.subList(i, i + n)), 1, Integer::sum);
        }
        return new NgramCounts(counts);
    }

    /** Each n-gram at the highest count any of the texts has it: BLEU's clipping counts over several references. */
    static NgramCounts maxOf(List<NgramCounts> texts) {
        Map<String, Integer> counts = new HashMap<>();
        texts.forEach(text -> text.counts.forEach((ngram, count) -> counts.merge(ngram, count, Math::max)));
        return new NgramCounts(counts);
    }

    /** How many n-grams, counting repeats. */
    long total() {
        return total;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The n-grams of this text found in the other, each counted at most as often as the other has it. */
    long clippedMatches(NgramCounts reference) {
        long matches = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            matches += Math.min(entry.getValue(), reference.counts.getOrDefault(entry.getKey(), 0));
        }
        return matches;
    }
}
