// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * chrF against values worked out by hand here, values from sacreBLEU's own test suite (test/test_chrf.py, named
 * where used), and values printed by sacreBLEU 2.6.0 ({@code sacrebleu.sentence_chrf(hyp, [ref]).score}, or
 * {@code CHRF(word_order=2)} for chrF++), each said where it is used.
 */
class ChrfTest {
    private static final double EXACT = 1e-9;
    // test_chrf.py compares with this tolerance.
    private static final double SACREBLEU_TEST = 1e-4;

    @Test
    void shorterHypothesisIsScoredOnTheOrdersBothHave() {
        // "ab" against "abc", chrF2 (beta 2, effective orders):
        //   1-grams: hyp {a, b}, ref {a, b, c}: 2 match, P = 2/2, R = 2/3
        //   2-grams: hyp {ab}, ref {ab, bc}: 1 match, P = 1/1, R = 1/2
        //   3-grams: hyp none, ref {abc}: the hypothesis has none, so the order does not count
        // mean P = 1, mean R = (2/3 + 1/2) / 2 = 7/12; F2 = 5 P R / (4 P + R) = (35/12) / (55/12) = 7/11
        ChrfStats stats = Chrf.CHRF2.stats("ab", "abc");

        assertThat(stats.hypothesisCount(0)).isEqualTo(2);
        assertThat(stats.referenceCount(0)).isEqualTo(3);
        assertThat(stats.matches(1)).isEqualTo(1);
        assertThat(stats.hypothesisCount(2)).isZero();
        assertThat(Chrf.CHRF2.score(stats)).isCloseTo(100.0 * 7 / 11, within(EXACT));
    }

    @Test
    void repeatedCharactersAreClippedToTheReferencesCount() {
        // "aa" against "ab": 1-grams hyp {a: 2}, ref {a, b}: 1 match (clipped), P = 1/2, R = 1/2; 2-grams {aa}
        // against {ab}: 0 of 1, P = R = 0; longer orders exist in neither. Mean P = R = 1/4, so F = 1/4.
        assertThat(Chrf.CHRF2.sentenceScore("aa", "ab")).isCloseTo(25.0, within(EXACT));
    }

    @Test
    void corpusScoreSumsTheCountsBeforeTheFScore() {
        // Summed counts of "ab"/"abc" and "aa"/"ab":
        //   1-grams: hyp 2 + 2 = 4, ref 3 + 2 = 5, match 2 + 1 = 3
        //   2-grams: hyp 1 + 1 = 2, ref 2 + 1 = 3, match 1 + 0 = 1
        //   3-grams: hyp 0, ref 1: not counted
        // mean P = (3/4 + 1/2) / 2 = 5/8, mean R = (3/5 + 1/3) / 2 = 7/15
        // F2 = 5 (5/8)(7/15) / (4 (5/8) + 7/15) = (35/24) / (89/30) = 1050/2136
        // while the mean of the sentence scores is (7/11 + 1/4) / 2 = 0.4432
        double corpus = Chrf.CHRF2.corpusScore(List.of("ab", "aa"), List.of("abc", "ab"));

        assertThat(corpus).isCloseTo(100.0 * 1050 / 2136, within(EXACT));
        assertThat(corpus).isNotCloseTo((100.0 * 7 / 11 + 25) / 2, within(1.0));
    }

    @Test
    void hypothesisNgramsOfAnOrderTheReferenceLacksAreNotCounted() {
        // "abc" against "ab": the reference has no 3-gram, so the hypothesis's "abc" is not counted either (as in
        // sacreBLEU). Summed with "ab" against "abc":
        //   1-grams: hyp 3 + 2, ref 2 + 3, match 2 + 2;  2-grams: hyp 2 + 1, ref 1 + 2, match 1 + 1
        //   3-grams: hyp 0 + 0, ref 0 + 1: not counted
        // mean P = mean R = (4/5 + 2/3) / 2 = 11/15, so F = 11/15 (sacreBLEU 2.6.0: 73.33333333333333).
        // Counting the "abc" would add a 3-gram order at P = R = 0 and give 22/45.
        assertThat(Chrf.CHRF2.stats("abc", "ab").hypothesisCount(2)).isZero();
        assertThat(Chrf.CHRF2.corpusScore(List.of("abc", "ab"), List.of("ab", "abc"))).isCloseTo(100.0 * 11 / 15,
                within(EXACT));
    }

    @Test
    void countsAddUpIntoTheCorpusScoreOneSentenceAtATime() {
        List<String> hypotheses = List.of("Le chat est assis sur le tapis.",
                "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.", "Größe");
        List<String> references = List.of("Le chat s'est assis sur le tapis.",
                "Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.", "Grösse");
        ChrfStats sum = ChrfStats.zero(6, 0);
        double meanOfSentences = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            sum = sum.plus(Chrf.CHRF2.stats(hypotheses.get(i), references.get(i)));
            meanOfSentences += Chrf.CHRF2.sentenceScore(hypotheses.get(i), references.get(i)) / hypotheses.size();
        }

        // sacreBLEU 2.6.0: CHRF().corpus_score(hyps, [refs]).score, and CHRF(word_order=2) for chrF++.
        assertThat(Chrf.CHRF2.score(sum)).isCloseTo(68.1988678533, within(1e-8));
        assertThat(Chrf.CHRF2.corpusScore(hypotheses, references)).isCloseTo(68.1988678533, within(1e-8));
        assertThat(Chrf.CHRF_PLUS_PLUS.corpusScore(hypotheses, references)).isCloseTo(66.5390941797, within(1e-8));
        // The sentences score 82.3952656190, 64.8181237261 and 27.3956121727: their mean is not the corpus score.
        assertThat(meanOfSentences).isCloseTo((82.3952656190 + 64.8181237261 + 27.3956121727) / 3, within(1e-8));
    }

    @Test
    void accentedLettersAreCharactersOfTheirOwn() {
        // "Größe" against "Grösse" (ß is one character, not "ss"):
        //   1: P 4/5 R 4/6   2: P 2/4 R 2/5   3: P 1/3 R 1/4   4: P 0/2 R 0/3   5: P 0/1 R 0/2
        //   6: the hypothesis has no 6-gram, not counted
        // mean P = (4/5 + 1/2 + 1/3) / 5 = 49/150, mean R = (2/3 + 2/5 + 1/4) / 5 = 79/300
        // F2 = 5 P R / (4 P + R) = 5806500 / 21195000; sacreBLEU 2.6.0 prints 27.3956121727 as well.
        assertThat(Chrf.CHRF2.sentenceScore("Größe", "Grösse")).isCloseTo(100.0 * 5806500 / 21195000,
                within(EXACT));
    }

    @Test
    void charactersAreCodePointsNotUtf16Units() {
        // "😀b" against "😀c": two characters each; 1-grams 1 of 2 match, 2-grams 0 of 1: P = R = 1/4.
        ChrfStats stats = Chrf.CHRF2.stats("😀b", "😀c");

        assertThat(stats.hypothesisCount(0)).isEqualTo(2);
        assertThat(stats.matches(0)).isEqualTo(1);
        assertThat(Chrf.CHRF2.score(stats)).isCloseTo(25.0, within(EXACT));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // sacreBLEU 2.6.0, sentence_chrf: French and German with accents
        "Le chat est assis sur le tapis.|Le chat s'est assis sur le tapis.|82.3952656190",
        "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich."
                + "|Das Verhältnis zwischen Obama und Netanyahu ist nicht gerade freundschaftlich.|64.8181237261",
        "Ça coûte 3,50 € à Paris.|Cela coûte 3,50 € à Paris.|85.5071211350"})
    void sentencesScoreAsSacreBleuScoresThem(String hypothesis, String reference, double expected) {
        assertThat(Chrf.CHRF2.sentenceScore(hypothesis, reference)).isCloseTo(expected, within(1e-8));
    }

    @Test
    void identicalTextsScore100() {
        String text = "Niemand hat die Absicht, eine Mauer zu errichten";

        assertThat(Chrf.CHRF2.sentenceScore(text, text)).isCloseTo(100.0, within(EXACT));
        assertThat(Chrf.CHRF_PLUS_PLUS.sentenceScore(text, text)).isCloseTo(100.0, within(EXACT));
        assertThat(Chrf.CHRF2.sentenceScore("Ça coûte 3,50 €", "Ça coûte 3,50 €")).isCloseTo(100.0, within(EXACT));
    }

    @Test
    void anEmptySideScoresZero() {
        // No hypothesis n-gram (or none counted, for an empty reference) leaves no order to average: 0.
        assertThat(Chrf.CHRF2.sentenceScore("", "Grösse")).isZero();
        assertThat(Chrf.CHRF2.sentenceScore("Größe", "")).isZero();
        assertThat(Chrf.CHRF2.sentenceScore("", "")).isZero();
        assertThat(Chrf.CHRF2.sentenceScore("   ", "Grösse")).isZero();
        ChrfStats emptyReference = Chrf.CHRF2.stats("Größe", "");
        assertThat(emptyReference.hypothesisCount(0)).isZero();
        assertThat(emptyReference.referenceCount(0)).isZero();
    }

    @Test
    void whitespaceIsRemovedAsPythonSeesIt() {
        // A no-break space is whitespace to Python's str.split (not to Character.isWhitespace): removed, the
        // characters are those of the reference. sacreBLEU 2.6.0 gives 100 too.
        assertThat(Chrf.CHRF2.sentenceScore("a\u00a0b c", "ab c")).isCloseTo(100.0, within(EXACT));
        assertThat(Chrf.CHRF2.sentenceScore("a  b\tc", "abc")).isCloseTo(100.0, within(EXACT));
    }

    @Test
    void chrFPlusPlusAddsWordOrders() {
        // "ab" against "abc": the character orders as above (P 1, 1; R 2/3, 1/2); word 1-grams {ab} against {abc}:
        // 0 of 1, P = R = 0; word 2-grams: neither has one. Over 3 orders mean P = 2/3, mean R = 7/18;
        // F2 = 5 (2/3)(7/18) / (8/3 + 7/18) = 630/1485
        assertThat(Chrf.CHRF_PLUS_PLUS.sentenceScore("ab", "abc")).isCloseTo(100.0 * 630 / 1485, within(EXACT));
        // sacreBLEU 2.6.0, CHRF(word_order=2).sentence_score
        assertThat(Chrf.CHRF_PLUS_PLUS.sentenceScore("Le chat est assis sur le tapis.",
                "Le chat s'est assis sur le tapis.")).isCloseTo(81.6792280035, within(1e-8));
        assertThat(Chrf.CHRF_PLUS_PLUS.name()).isEqualTo("chrF2++");
        assertThat(Chrf.CHRF2.name()).isEqualTo("chrF2");
    }

    @Test
    void chrFPlusPlusSplitsOnePunctuationMarkOffAWord() {
        // As sacreBLEU (its issue #124): "(hi)" gives "(hi" and ")"; "(hi" gives "(" and "hi"; ")" stays whole.
        // Word 1-grams: hyp {"(hi", ")"} against ref {"(", "hi", ")"}: only ")" matches.
        ChrfStats stats = Chrf.CHRF_PLUS_PLUS.stats("(hi)", "(hi )");
        int firstWordOrder = 6;

        assertThat(stats.hypothesisCount(firstWordOrder)).isEqualTo(2);
        assertThat(stats.referenceCount(firstWordOrder)).isEqualTo(3);
        assertThat(stats.matches(firstWordOrder)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // test_chrf.py, test_cases: corpus_chrf(beta=3, eps_smoothing=True)
        "aa|ab|8.3333",
        "a|a|16.6667",
        "a b c|a b c|50.0",
        "a b c|abc|50.0",
        "''|reference|0.0",
        "risk assessment must be made of those who are qualified and expertise in the sector - these are the "
                + "scientists .|risk assessment has to be undertaken by those who are qualified and expert in that "
                + "area - that is the scientists .|63.361730",
        "' Die    Beziehung zwischen  Obama und Netanjahu ist nicht gerade  freundlich. '|Das Verhältnis zwischen "
                + "Obama und Netanyahu ist nicht gerade freundschaftlich.|64.1302698",
        "Niemand hat die Absicht, eine Mauer zu errichten|Niemand hat die Absicht, eine Mauer zu errichten|100.0"})
    void epsilonSmoothingMatchesSacreBleusTests(String hypothesis, String reference, double expected) {
        Chrf metric = Chrf.CHRF2.withBeta(3).withEpsSmoothing(true);

        assertThat(metric.corpusScore(List.of(hypothesis), List.of(reference))).isCloseTo(expected,
                within(SACREBLEU_TEST));
    }

    @Test
    void epsilonSmoothingOverTwoSentencesMatchesSacreBleusTest() {
        // test_chrf.py, test_cases: (["a", "b"], ["a", "c"], 8.3333)
        Chrf metric = Chrf.CHRF2.withBeta(3).withEpsSmoothing(true);

        assertThat(metric.corpusScore(List.of("a", "b"), List.of("a", "c"))).isCloseTo(8.3333,
                within(SACREBLEU_TEST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // test_chrf.py, test_cases_effective_order: corpus_chrf(beta=3, eps_smoothing=False)
        "a|a|100.0",
        "''|reference|0.0",
        "a b c|a b c|100.0",
        "a b c|abc|100.0",
        "''|c|0.0",
        "aa|ab|25.0"})
    void effectiveOrdersMatchSacreBleusTests(String hypothesis, String reference, double expected) {
        assertThat(Chrf.CHRF2.withBeta(3).corpusScore(List.of(hypothesis), List.of(reference)))
                .isCloseTo(expected, within(SACREBLEU_TEST));
    }

    @Test
    void effectiveOrdersOverTwoSentencesMatchSacreBleusTest() {
        // test_chrf.py, test_cases_effective_order: (["a", "b"], ["a", "c"], 50.0)
        assertThat(Chrf.CHRF2.withBeta(3).corpusScore(List.of("a", "b"), List.of("a", "c"))).isCloseTo(50.0,
                within(SACREBLEU_TEST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // test_chrf.py, test_cases_keep_whitespace: corpus_chrf(beta=3, remove_whitespace=False)
        "Die Beziehung zwischen Obama und Netanjahu ist nicht gerade freundlich.|Das Verhältnis zwischen Obama und "
                + "Netanyahu ist nicht gerade freundschaftlich.|67.3481606",
        "risk assessment must be made of those who are qualified and expertise in the sector - these are the "
                + "scientists .|risk assessment has to be undertaken by those who are qualified and expert in that "
                + "area - that is the scientists .|65.2414427"})
    void keptWhitespaceMatchesSacreBleusTests(String hypothesis, String reference, double expected) {
        assertThat(Chrf.CHRF2.withBeta(3).withKeepWhitespace(true).sentenceScore(hypothesis, reference))
                .isCloseTo(expected, within(SACREBLEU_TEST));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // test_chrf.py, test_sentence_level_chrf: sentence_chrf(hyp, refs, eps_smoothing=True), beta 2 (Czech)
        "Co nás nejvíc trápí, protože lékaři si vybírají, kdo bude žít a kdo zemře.|Nejvíce smutní jsme z toho, že "
                + "musíme rozhodovat o tom, kdo bude žít a kdo zemře.|39.14078509",
        "Nebo prostě nemají vybavení, které by jim pomohlo, uvedli lékaři.|A někdy nemáme ani potřebný materiál, "
                + "abychom jim pomohli, popsali lékaři.|31.22557079",
        "Lapali po dechu, jejich životy skončily dřív, než skutečně začaly.|Lapali po dechu a pak jejich život "
                + "skončil - dřív, než skutečně mohl začít, připomněli.|57.15704367"})
    void sentenceLevelEpsilonSmoothingMatchesSacreBleusTests(String hypothesis, String reference, double expected) {
        assertThat(Chrf.CHRF2.withEpsSmoothing(true).sentenceScore(hypothesis, reference)).isCloseTo(expected,
                within(SACREBLEU_TEST));
    }

    @Test
    void ofSeveralReferencesTheBestIsUsed() {
        ChrfStats best = Chrf.CHRF2.stats("ab", List.of("xyz", "abc", "ab c d"));

        assertThat(best).isEqualTo(Chrf.CHRF2.stats("ab", "abc"));
        assertThatThrownBy(() -> Chrf.CHRF2.stats("ab", List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chrF needs at least one reference");
    }

    @Test
    void mismatchedInputIsRefusedInOneLine() {
        assertThatThrownBy(() -> Chrf.CHRF2.corpusScore(List.of("a", "b"), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corpus chrF needs one reference per hypothesis and at least one of each, got 2 "
                        + "hypotheses and 1 references");
        assertThatThrownBy(() -> Chrf.CHRF2.corpusScore(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chrf.CHRF2.score(Chrf.CHRF_PLUS_PLUS.stats("a", "a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chrF2 cannot score counts");
        assertThatThrownBy(() -> new Chrf(0, 0, 2, false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chrf.CHRF2.withBeta(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
