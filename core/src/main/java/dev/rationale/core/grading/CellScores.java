// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.metrics.Bleu;
import dev.rationale.core.grading.metrics.BleuStats;
import dev.rationale.core.grading.metrics.Chrf;
import dev.rationale.core.grading.metrics.ChrfStats;
import dev.rationale.core.grading.metrics.CohenKappa;
import dev.rationale.core.promptset.JsonNames;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cell's {@link ScoreSummary}, summed up as its graded samples come: the mean score, corpus chrF and BLEU of a
 * chrF-graded cell (their statistics summed over sentences, as sacreBLEU's corpus scores are), and a judge's
 * agreement with exact match where the cases have expected answers. Not thread-safe.
 */
public final class CellScores {
    // Exact match as the text rule reads it: case, spaces and surrounding punctuation aside.
    private static final AnswerGrader EXACT_MATCH = AnswerGrader.of(new AnswerFormat(null, null, null, null,
            CompareRule.TEXT));

    private final String grader;
    private final DoubleSummaryStatistics scores = new DoubleSummaryStatistics();
    private int unscored;
    private ChrfStats chrf = ChrfStats.zero(Chrf.CHRF2.charOrder(), Chrf.CHRF2.wordOrder());
    private BleuStats bleu = BleuStats.zero(Bleu.CORPUS.maxOrder());
    private int referenced;
    private final List<Boolean> graderPasses = new ArrayList<>();
    private final List<Boolean> exactMatches = new ArrayList<>();

    private CellScores(String grader) {
        this.grader = grader;
    }

    /** An accumulator for a task graded by {@code format}; null when the format does not score. */
    public static @Nullable CellScores of(AnswerFormat format) {
        CompareRule rule = format.effectiveCompare();
        return rule.scores() ? forGrader(JsonNames.of(rule)) : null;
    }

    /** An accumulator of the scores of {@code grader} ({@link GradeDetail#grader}). */
    public static CellScores forGrader(String grader) {
        return new CellScores(grader);
    }

    /**
     * Counts one answered sample.
     *
     * @param grading its grading; null when it had no answer to grade
     * @param verdict its verdict
     * @param answer the extracted answer
     * @param expected the case's expected answer
     */
    public void add(@Nullable GradeDetail grading, Verdict verdict, @Nullable String answer,
            @Nullable String expected) {
        if (grading == null) {
            return;
        }
        if (grading.score() == null) {
            unscored++;
            return;
        }
        scores.accept(grading.score());
        if (answer == null || expected == null || expected.isBlank()) {
            return;
        }
        if (grader.equals(GradeDetail.CHRF)) {
            chrf = chrf.plus(Chrf.CHRF2.stats(answer, expected));
            bleu = bleu.plus(Bleu.CORPUS.stats(answer, expected));
            referenced++;
        } else if (grader.equals(GradeDetail.JUDGE)) {
            graderPasses.add(verdict == Verdict.CORRECT);
            exactMatches.add(EXACT_MATCH.matches(answer, expected));
        }
    }

    /** The cell's scores so far. */
    public ScoreSummary summary() {
        Agreement agreement = null;
        if (!graderPasses.isEmpty()) {
            CohenKappa kappa = CohenKappa.of(graderPasses, exactMatches);
            agreement = new Agreement("exact match", kappa.items(), kappa.observed(),
                    kappa.kappa().isPresent() ? kappa.kappa().getAsDouble() : null);
        }
        return new ScoreSummary(grader, (int) scores.getCount(), unscored,
                scores.getCount() == 0 ? null : scores.getAverage(),
                referenced == 0 ? null : Chrf.CHRF2.score(chrf), referenced == 0 ? null : Bleu.CORPUS.score(bleu),
                agreement);
    }
}
