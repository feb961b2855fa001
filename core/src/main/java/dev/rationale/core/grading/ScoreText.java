// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.JudgeSpec;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a score reads wherever it is shown: the grid, the case list, Output, the CLI and the HTML report. */
public final class ScoreText {
    private ScoreText() {
    }

    /**
     * One grade's score with what passes, e.g. {@code chrF 57.3 (passes at 50)}, {@code judge 4 of 1-5 (passes at
     * 4)}, {@code tests 75% passed (passes at 100%)}; for grading that did not finish, {@code not graded:} and why.
     */
    public static String of(GradeDetail detail, AnswerFormat format) {
        if (detail.score() == null) {
            return notGraded(detail);
        }
        double threshold = format.effectiveThreshold();
        // A threshold is usually whole (chrF 50): it reads as the user wrote it.
        String passes = isWhole(threshold) && !detail.grader().equals(GradeDetail.TESTS)
                ? String.valueOf((long) threshold) : value(detail.grader(), threshold);
        return score(detail.grader(), detail.score(), format) + " (passes at " + passes + ")";
    }

    /** One grade's score without the format at hand (the HTML report): {@code chrF 57.3}, {@code judge 4}. */
    public static String of(GradeDetail detail) {
        if (detail.score() == null) {
            return notGraded(detail);
        }
        return switch (detail.grader()) {
            case GradeDetail.JUDGE -> "judge " + value(detail.grader(), detail.score());
            default -> score(detail.grader(), detail.score(), AnswerFormat.DEFAULT);
        };
    }

    /**
     * A cell's scores in one line: {@code chrF 57.3 · BLEU 31.2}, {@code judge 4.2 of 1-5 · κ 0.61 with exact
     * match}, {@code tests 87% passed}, with how many answers could not be graded; {@code –} when none was scored.
     *
     * @param format the task's answer format, for a judge's scale; null when it is not known
     */
    public static String cell(ScoreSummary scores, @Nullable AnswerFormat format) {
        StringBuilder line = new StringBuilder();
        if (scores.chrf() != null) {
            line.append("chrF ").append(value(GradeDetail.CHRF, scores.chrf()));
            if (scores.bleu() != null) {
                line.append(" · BLEU ").append(value(GradeDetail.CHRF, scores.bleu()));
            }
        } else if (scores.meanScore() != null) {
            // Without the format (the HTML report reads a run whose set may be gone) a judge's scale is unknown.
            line.append(format == null && scores.grader().equals(GradeDetail.JUDGE)
                    ? "judge " + value(GradeDetail.JUDGE, scores.meanScore())
                    : score(scores.grader(), scores.meanScore(), format == null ? AnswerFormat.DEFAULT : format));
        }
        Agreement agreement = scores.agreement();
        if (agreement != null) {
            line.append(" · ").append(agreement.kappa() == null ? "agrees " + Math.round(agreement.observed() * 100)
                    + "%" : String.format(Locale.ROOT, "κ %.2f", agreement.kappa())).append(" with ")
                    .append(agreement.with());
        }
        if (scores.unscored() > 0) {
            line.append(line.isEmpty() ? "" : " · ").append(scores.unscored()).append(" not graded");
        }
        return line.isEmpty() ? "–" : line.toString();
    }

    /** A score on its grader's scale, without the threshold, e.g. {@code judge 4.2 of 1-5}. */
    public static String score(String grader, double score, AnswerFormat format) {
        return switch (grader) {
            case GradeDetail.CHRF -> "chrF " + value(grader, score);
            case GradeDetail.JUDGE -> {
                JudgeSpec judge = format.effectiveJudge();
                yield "judge " + value(grader, score) + " of " + judge.effectiveMin() + "-" + judge.effectiveMax();
            }
            case GradeDetail.TESTS -> "tests " + value(grader, score) + " passed";
            default -> grader + " " + value(grader, score);
        };
    }

    /** A bare value on the grader's scale: chrF and BLEU to one decimal, a judge's score as it is, tests in %. */
    public static String value(String grader, double value) {
        return switch (grader) {
            case GradeDetail.TESTS -> Math.round(value * 100) + "%";
            case GradeDetail.JUDGE -> isWhole(value) ? String.valueOf((long) value)
                    : String.format(Locale.ROOT, "%.2f", value);
            default -> String.format(Locale.ROOT, "%.1f", value);
        };
    }

    private static String notGraded(GradeDetail detail) {
        return "not graded: " + (detail.note() == null ? "no score" : detail.note());
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value);
    }
}
