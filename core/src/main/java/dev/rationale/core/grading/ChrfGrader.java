// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.grading.metrics.Chrf;
import java.util.Objects;

/** Grades a translation by its sentence chrF (sacreBLEU's chrF2) against the case's expected one. */
final class ChrfGrader implements Grader {
    private final double threshold;

    private ChrfGrader(double threshold) {
        this.threshold = threshold;
    }

    static Grader of(AnswerFormat format) {
        return new ChrfGrader(format.effectiveThreshold());
    }

    @Override
    public Grade grade(GradingInput input) {
        String expected = input.testCase().expected();
        Grade extracted = input.extracted();
        if (expected == null || expected.isBlank()) {
            return extracted.scored(GradeDetail.failed(GradeDetail.CHRF, "the case has no expected translation",
                    null, null), threshold);
        }
        double score = Chrf.CHRF2.sentenceScore(Objects.requireNonNull(extracted.extracted()), expected);
        return extracted.scored(new GradeDetail(GradeDetail.CHRF, score, null, null, null), threshold);
    }
}
