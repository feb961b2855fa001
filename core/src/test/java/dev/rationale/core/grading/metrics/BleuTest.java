// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BLEU against values worked out by hand here, values from sacreBLEU's own test suite (test/test_bleu.py and
 * test/test_sentence_bleu.py, named where used), and values printed by sacreBLEU 2.6.0
 * ({@code sacrebleu.sentence_bleu(hyp, [ref]).score}, {@code sacrebleu.corpus_bleu(hyps, [refs]).score}).
 */
class BleuTest {
    private static final double EXACT = 1e-9;

    // test_bleu.py's README example: three hypotheses, two reference sets.
    private static final List<String> README_HYPOTHESES = List.of("The dog bit the man.", "It wasn't surprising.",
            "The man had just bitten him.");
    private static final List<List<String>> README_REFERENCES = List.of(
            List.of("The dog bit the man.", "The dog had bit the man."),
            List.of("It was not unexpected.", "No one was surprised."),
            List.of("The man bit him first.", "The man had bitten the dog."));

    @Test
    void corpusBleuIsTheGeometricMeanOfClippedPrecisions() {
        // "the cat sat on the mat" against "the cat sat on a mat":
        //   1-grams: the (2, clipped to 1), cat, sat, on, mat: 5 of 6
        //   2-grams: the cat, cat sat, sat on (not on the, the mat): 3 of 5
        //   3-grams: the cat sat, cat sat on: 2 of 4;  4-grams: the cat sat on: 1 of 3
        // equal lengths, BP = 1; BLEU = (5/6 * 3/5 * 2/4 * 1/3)^(1/4) = (1/12)^(1/4)
        BleuStats stats = Bleu.CORPUS.stats("the cat sat on the mat", "the cat sat on a mat");

        assertThat(stats).isEqualTo(BleuStats.of(6, 6, new long[] {5, 3, 2, 1}, new long[] {6, 5, 4, 3}));
        assertThat(Bleu.CORPUS.score(stats)).isCloseTo(100 * Math.pow(1.0 / 12, 0.25), within(EXACT));
    }

    @Test
    void anOrderWithoutMatchIsSmoothedExponentially() {
        // "the cat sat down" against "the cat sat up": 3/4, 2/3, 1/2, and 0/1 for 4-grams, the first order without
        // a match: exp smoothing counts it 1 / (2 * 1). BLEU = (3/4 * 2/3 * 1/2 * 1/2)^(1/4) = (1/8)^(1/4).
        double expected = 100 * Math.pow(1.0 / 8, 0.25);

        assertThat(Bleu.SENTENCE.sentenceScore("the cat sat down", "the cat sat up")).isCloseTo(expected,
                within(EXACT));
        assertThat(Bleu.CORPUS.sentenceScore("the cat sat down", "the cat sat up")).isCloseTo(expected,
                within(EXACT));
        assertThat(new Bleu(4, Bleu.Smoothing.NONE, true).sentenceScore("the cat sat down", "the cat sat up"))
                .isZero();
    }

    @Test
    void theSecondOrderWithoutMatchIsHalvedAgain() {
        // "a b c x y" against "a b c d e": 3/5 1-grams, 2/4 2-grams, 1/3 3-grams, 0/2 4-grams:
        // the one order without a match counts 1 / (2 * 2). "a x b y c" against "a b c": 3/5, then 0/4, 0/3, 0/2:
        // 1 / (2 * 4), 1 / (4 * 3), 1 / (8 * 2); BP = 1 (5 tokens against 3).
        assertThat(Bleu.CORPUS.sentenceScore("a b c x y", "a b c d e")).isCloseTo(
                100 * Math.pow(3.0 / 5 * 2 / 4 * 1 / 3 * 1 / 4, 0.25), within(EXACT));
        assertThat(Bleu.CORPUS.sentenceScore("a x b y c", "a b c")).isCloseTo(
                100 * Math.pow(3.0 / 5 / 8 / 12 / 16, 0.25), within(EXACT));
    }

    @Test
    void corpusBleuSumsCountsSoItIsNotTheMeanOfSentences() {
        // Summed counts of the two sentences above: matches 3+5, 2+3, 1+2, 0+1 = 8, 5, 3, 1 of 4+6, 3+5, 2+4,
        // 1+3 = 10, 8, 6, 4, lengths 10 and 10: BLEU = (8/10 * 5/8 * 3/6 * 1/4)^(1/4) = (1/16)^(1/4) = 1/2,
        // while the sentences score (1/8)^(1/4) = 59.46 and (1/12)^(1/4) = 53.73.
        List<String> hypotheses = List.of("the cat sat down", "the cat sat on the mat");
        List<String> references = List.of("the cat sat up", "the cat sat on a mat");
        BleuStats sum = BleuStats.zero(4);
        for (int i = 0; i < hypotheses.size(); i++) {
            sum = sum.plus(Bleu.CORPUS.stats(hypotheses.get(i), references.get(i)));
        }

        assertThat(Bleu.CORPUS.score(sum)).isCloseTo(50.0, within(EXACT));
        assertThat(Bleu.CORPUS.corpusScore(hypotheses, references)).isCloseTo(50.0, within(EXACT));
        double meanOfSentences = (Bleu.SENTENCE.sentenceScore(hypotheses.get(0), references.get(0))
                + Bleu.SENTENCE.sentenceScore(hypotheses.get(1), references.get(1))) / 2;
        assertThat(meanOfSentences).isCloseTo(100 * (Math.pow(1.0 / 8, 0.25) + Math.pow(1.0 / 12, 0.25)) / 2,
                within(EXACT));
    }

    @Test
    void theCorpusBrevityPenaltyComesFromSummedLengths() {
        // "the cat sat" (3 tokens) and a full match (6 tokens) against two 6-token references: every n-gram
        // matches, lengths 9 against 12: BP = exp(1 - 12/9), the whole score.
        double corpus = Bleu.CORPUS.corpusScore(List.of("the cat sat", "the cat sat on the mat"),
                List.of("the cat sat on the mat", "the cat sat on the mat"));

        assertThat(corpus).isCloseTo(100 * Math.exp(1 - 12.0 / 9), within(EXACT));
        assertThat(Bleu.CORPUS.stats("the cat sat", "the cat sat on the mat").brevityPenalty())
                .isCloseTo(Math.exp(-1), within(EXACT));
    }

    @Test
    void sentenceBleuLeavesOutOrdersTheHypothesisIsTooShortFor() {
        // "the cat sat" has no 4-gram: sentence BLEU averages orders 1-3 (all 100) and keeps BP = exp(1 - 6/3);
        // corpus BLEU counts the missing order as log(0) and gives 0, as sacreBLEU 2.6.0 does for both.
        assertThat(Bleu.SENTENCE.sentenceScore("the cat sat", "the cat sat on the mat")).isCloseTo(
                100 * Math.exp(-1), within(EXACT));
        assertThat(Bleu.CORPUS.sentenceScore("the cat sat", "the cat sat on the mat")).isZero();
        assertThat(Bleu.SENTENCE.sentenceScore("a b", "a b")).isCloseTo(100.0, within(EXACT));
        assertThat(Bleu.CORPUS.sentenceScore("a b", "a b")).isZero();
    }

    @Test
    void identicalSentencesScore100() {
        String text = "Niemand hat die Absicht, eine Mauer zu errichten.";

        assertThat(Bleu.SENTENCE.sentenceScore(text, text)).isCloseTo(100.0, within(EXACT));
        assertThat(Bleu.CORPUS.corpusScore(List.of(text, "Größe ist relativ."), List.of(text, "Größe ist relativ.")))
                .isCloseTo(100.0, within(EXACT));
    }

    @Test
    void anEmptySideScoresZero() {
        assertThat(Bleu.SENTENCE.sentenceScore("", "the cat sat")).isZero();
        assertThat(Bleu.SENTENCE.sentenceScore("the cat sat", "")).isZero();
        assertThat(Bleu.SENTENCE.sentenceScore("", "")).isZero();
        assertThat(Bleu.SENTENCE.stats("", "the cat sat").brevityPenalty()).isZero();
        // test_bleu.py, test_corpus_bleu_cases: empty hypotheses are kept and score 0.0
        assertThat(Bleu.CORPUS.corpusScore(List.of("", "", ""),
                README_REFERENCES.stream().map(List::getFirst).toList())).isZero();
    }

    @Test
    void frenchIsTokenizedAndScoredByHand() {
        // Tokens "Le chat est assis sur le tapis ." against "Le chat s'est assis sur le tapis ." (8 each; the
        // apostrophe stays inside "s'est"): 7/8 1-grams, 5/7 2-grams, 3/6 3-grams, 2/5 4-grams:
        // (7/8 * 5/7 * 3/6 * 2/5)^(1/4) = (1/8)^(1/4). sacreBLEU 2.6.0: 59.4603557501.
        assertThat(Bleu.SENTENCE.sentenceScore("Le chat est assis sur le tapis.",
                "Le chat s'est assis sur le tapis.")).isCloseTo(100 * Math.pow(1.0 / 8, 0.25), within(EXACT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // sacreBLEU 2.6.0, sentence_bleu and corpus_bleu agree on these
        "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.|Das Verhältnis zwischen Obama und "
                + "Netanyahu ist nicht gerade freundschaftlich.|24.3841831934",
        "Ça coûte 3,50 € à Paris.|Cela coûte 3,50 € à Paris.|80.9106711570"})
    void accentedSentencesScoreAsSacreBleuScoresThem(String hypothesis, String reference, double expected) {
        assertThat(Bleu.SENTENCE.sentenceScore(hypothesis, reference)).isCloseTo(expected, within(1e-8));
        assertThat(Bleu.CORPUS.sentenceScore(hypothesis, reference)).isCloseTo(expected, within(1e-8));
    }

    @Test
    void romanianDiacriticsMatchSacreBleusSentenceTest() {
        // test_sentence_bleu.py (its issue #98): "ț" (comma below) and "ţ" (cedilla) differ; exp gives 8.493 and
        // no smoothing 0.0, with tolerance 1e-3.
        String reference = "producţia de zahăr brut se exprimă în zahăr alb;";
        String hypothesis = "Producția de zahăr primă va fi exprimată în ceea ce privește zahărul alb;";

        assertThat(Bleu.SENTENCE.sentenceScore(hypothesis, reference)).isCloseTo(8.493, within(1e-3));
        assertThat(new Bleu(4, Bleu.Smoothing.NONE, true).sentenceScore(hypothesis, reference)).isZero();
        // test_sentence_bleu.py, test_cases_zero_bleu (its issue #141): no match at all is 0.0
        assertThat(Bleu.SENTENCE.sentenceScore("this is a cat", "okay thanks")).isZero();
    }

    @Test
    void readmeCorpusWithTwoReferencesMatchesSacreBleusTest() {
        // test_bleu.py, test_corpus_bleu_cases: default settings 48.530827, smooth_method none the same
        BleuStats sum = BleuStats.zero(4);
        for (int i = 0; i < README_HYPOTHESES.size(); i++) {
            sum = sum.plus(Bleu.CORPUS.stats(README_HYPOTHESES.get(i), README_REFERENCES.get(i)));
        }

        assertThat(Bleu.CORPUS.score(sum)).isCloseTo(48.530827, within(1e-6));
        assertThat(new Bleu(4, Bleu.Smoothing.NONE, false).score(sum)).isCloseTo(48.530827, within(1e-6));
        // sacreBLEU 2.6.0 with the first reference set only
        assertThat(Bleu.CORPUS.corpusScore(README_HYPOTHESES, README_REFERENCES.stream().map(List::getFirst)
                .toList())).isCloseTo(45.06750632106114, within(EXACT));
    }

    @ParameterizedTest
    @CsvSource({
        // test_bleu.py, test_max_ngram_order: BLEU(max_ngram_order=order) on the README corpus, 2 decimals
        "1, 77.65", "2, 60.50", "3, 53.93", "4, 48.53", "5, 46.14", "6, 43.28"})
    void otherMaximumOrdersMatchSacreBleusTest(int order, String expected) {
        Bleu bleu = new Bleu(order, Bleu.Smoothing.EXP, false);
        BleuStats sum = BleuStats.zero(order);
        for (int i = 0; i < README_HYPOTHESES.size(); i++) {
            sum = sum.plus(bleu.stats(README_HYPOTHESES.get(i), README_REFERENCES.get(i)));
        }

        assertThat(String.format(Locale.ROOT, "%.2f", bleu.score(sum))).isEqualTo(expected);
    }

    @Test
    void countsMatchSacreBleusStatisticsTest() {
        // test_bleu.py, test_case_statistics: counts [4, 2, 1, 0] of totals [6, 5, 4, 3]
        BleuStats stats = Bleu.CORPUS.stats("am I am a character sequence", "I am a symbol string sequence a a");

        assertThat(stats).isEqualTo(BleuStats.of(6, 8, new long[] {4, 2, 1, 0}, new long[] {6, 5, 4, 3}));
    }

    @Test
    void scoreOfGivenCountsMatchesSacreBleusScoringTest() {
        // test_bleu.py, test_case_scoring: compute_bleu([9, 7, 5, 3], [10, 8, 6, 4], 11, 11) = 0.8375922397 (x 100),
        // compute_bleu's own default being no smoothing
        BleuStats stats = BleuStats.of(11, 11, new long[] {9, 7, 5, 3}, new long[] {10, 8, 6, 4});

        assertThat(new Bleu(4, Bleu.Smoothing.NONE, false).score(stats)).isCloseTo(83.75922397, within(1e-6));
    }

    @Test
    void whitespaceIsPythons() {
        // A no-break space separates words as in Python: tokens "a b c" against "ab c". 1/3 1-grams, 0/2 2-grams
        // (exp: 1 / (2 * 2)), 0/1 3-grams (1 / (4 * 1)), no 4-gram: sentence BLEU = (1/3 * 1/4 * 1/4)^(1/3),
        // 27.5160604075 in sacreBLEU 2.6.0; corpus BLEU counts the missing 4-gram order as log(0) and gives 0.
        assertThat(Bleu.SENTENCE.sentenceScore("a\u00a0b c", "ab c")).isCloseTo(100 * Math.cbrt(1.0 / 48),
                within(EXACT));
        assertThat(Bleu.CORPUS.sentenceScore("a\u00a0b c", "ab c")).isZero();
    }

    @Test
    void ofSeveralReferencesTheClosestLengthIsUsedAndTheShorterOnATie() {
        assertThat(Bleu.CORPUS.stats("a b c d e", List.of("a b c d e f", "a b c d")).referenceLength())
                .isEqualTo(4);
        assertThat(Bleu.CORPUS.stats("a b c d e", List.of("a b", "a b c d e f g")).referenceLength())
                .isEqualTo(7);
    }

    @Test
    void mismatchedInputIsRefusedInOneLine() {
        assertThatThrownBy(() -> Bleu.CORPUS.corpusScore(List.of("a"), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corpus BLEU needs one reference per hypothesis and at least one of each, got 1 "
                        + "hypotheses and 2 references");
        assertThatThrownBy(() -> Bleu.CORPUS.stats("a", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BLEU needs at least one reference");
        assertThatThrownBy(() -> Bleu.CORPUS.score(BleuStats.zero(3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BLEU up to order 4 cannot score counts up to order 3");
        assertThatThrownBy(() -> new Bleu(0, Bleu.Smoothing.EXP, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
