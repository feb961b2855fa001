// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.grading.Grader;
import dev.rationale.core.grading.Graders;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.TestCase;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The score of a single run's answer in Output, where the format scores. chrF is worked out at once; a judge and
 * tests grade evaluations only (they send requests or run code, which a run in the Workbench does not ask for),
 * and the verdict says so.
 */
final class SingleRunGrading {
    private static final GradingContext EVALUATIONS_ONLY = GradingContext.of(
            format -> GradingContext.refusing(GradeDetail.JUDGE, "a judge grades evaluations: run the task in"
                    + " Evaluate"),
            format -> GradingContext.refusing(GradeDetail.TESTS, "tests run in evaluations: run the task in"
                    + " Evaluate"));

    private SingleRunGrading() {
    }

    /** {@code extracted}, scored where the format scores and an answer was found. */
    static Grade scored(AnswerFormat format, Grade extracted, String text, @Nullable String expected) {
        Grader grader = Graders.of(format, EVALUATIONS_ONLY);
        if (grader == null || extracted.extracted() == null) {
            return extracted;
        }
        try {
            return grader.grade(new GradingInput(new TestCase(null, Map.of(), expected), "", text, extracted));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return extracted;
        }
    }
}
