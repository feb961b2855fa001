// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.metrics.Bleu;
import dev.rationale.core.grading.metrics.Chrf;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellScoresTest {

    @Test
    void aFormatThatDoesNotScoreHasNoScores() {
        assertThat(CellScores.of(AnswerFormat.DEFAULT)).isNull();
    }

    @Test
    void chrfCellsSumCorpusChrfAndBleuOverTheirSentences() {
        CellScores scores = CellScores.of(format(CompareRule.CHRF));
        List<String> answers = List.of("Le chat est sur le tapis.", "Il pleut beaucoup aujourd'hui.");
        List<String> references = List.of("Le chat est sur le tapis.", "Il pleut fort aujourd'hui.");
        for (int i = 0; i < 2; i++) {
            double sentence = Chrf.CHRF2.sentenceScore(answers.get(i), references.get(i));
            scores.add(new GradeDetail(GradeDetail.CHRF, sentence, null, null, null), Verdict.CORRECT,
                    answers.get(i), references.get(i));
        }
        scores.add(GradeDetail.failed(GradeDetail.CHRF, "no expected translation", null, null), Verdict.UNGRADED,
                "Bonjour", null);

        ScoreSummary summary = scores.summary();

        assertThat(summary.grader()).isEqualTo("chrf");
        assertThat(summary.scored()).isEqualTo(2);
        assertThat(summary.unscored()).isEqualTo(1);
        double first = Chrf.CHRF2.sentenceScore(answers.get(0), references.get(0));
        double second = Chrf.CHRF2.sentenceScore(answers.get(1), references.get(1));
        assertThat(first).isEqualTo(100.0);
        assertThat(summary.meanScore()).isCloseTo((first + second) / 2, within(1e-9));
        assertThat(summary.chrf()).isCloseTo(Chrf.CHRF2.corpusScore(answers, references), within(1e-9));
        // Corpus chrF sums the statistics first: it is not the mean of the sentences' scores.
        assertThat(summary.chrf()).isNotCloseTo(summary.meanScore(), within(1e-6));
        assertThat(summary.bleu()).isCloseTo(Bleu.CORPUS.corpusScore(answers, references), within(1e-9));
        assertThat(summary.agreement()).isNull();
    }

    @Test
    void aJudgesVerdictsAreComparedWithExactMatchByKappa() {
        CellScores scores = CellScores.of(format(CompareRule.JUDGE));
        // Judge pass / exact match: (pass, match) x2, (pass, no match) x1, (fail, no match) x1.
        judged(scores, 5.0, Verdict.CORRECT, "Paris", "paris");
        judged(scores, 4.0, Verdict.CORRECT, "Lyon.", "Lyon");
        judged(scores, 4.0, Verdict.CORRECT, "The capital is Paris", "Paris");
        judged(scores, 1.0, Verdict.WRONG, "Berlin", "Paris");

        ScoreSummary summary = scores.summary();

        assertThat(summary.meanScore()).isEqualTo(3.5);
        Agreement agreement = summary.agreement();
        assertThat(agreement).isNotNull();
        assertThat(agreement.with()).isEqualTo("exact match");
        assertThat(agreement.items()).isEqualTo(4);
        assertThat(agreement.observed()).isEqualTo(0.75);
        // Judge passes 3 of 4, exact match 2 of 4: chance = 3/4 * 2/4 + 1/4 * 2/4 = 0.5; kappa = (0.75 - 0.5) / 0.5.
        assertThat(agreement.kappa()).isCloseTo(0.5, within(1e-12));
        assertThat(ScoreText.cell(summary, format(CompareRule.JUDGE)))
                .isEqualTo("judge 3.50 of 1-5 · κ 0.50 with exact match");
    }

    @Test
    void kappaIsLeftOutWhereBothGradersGaveOneVerdictToEverything() {
        CellScores scores = CellScores.of(format(CompareRule.JUDGE));
        judged(scores, 5.0, Verdict.CORRECT, "Paris", "Paris");
        judged(scores, 5.0, Verdict.CORRECT, "Rome", "Rome");

        Agreement agreement = scores.summary().agreement();

        assertThat(agreement.kappa()).isNull();
        assertThat(agreement.observed()).isEqualTo(1.0);
        assertThat(ScoreText.cell(scores.summary(), format(CompareRule.JUDGE)))
                .isEqualTo("judge 5 of 1-5 · agrees 100% with exact match");
    }

    @Test
    void testsScoresReadAsTheSharePassed() {
        CellScores scores = CellScores.of(format(CompareRule.TESTS));
        scores.add(new GradeDetail(GradeDetail.TESTS, 1.0, null, null, null), Verdict.CORRECT, "def f(): ...", null);
        scores.add(new GradeDetail(GradeDetail.TESTS, 0.5, "test 2 failed", null, null), Verdict.WRONG, "x", null);

        assertThat(ScoreText.cell(scores.summary(), format(CompareRule.TESTS))).isEqualTo("tests 75% passed");
    }

    private static void judged(CellScores scores, double score, Verdict verdict, String answer, String expected) {
        scores.add(new GradeDetail(GradeDetail.JUDGE, score, "because", "prompt", "reply"), verdict, answer,
                expected);
    }

    private static AnswerFormat format(CompareRule rule) {
        return new AnswerFormat(null, null, null, null, rule);
    }
}
