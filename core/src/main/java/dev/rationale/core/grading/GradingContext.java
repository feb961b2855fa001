// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.GradeDetail;
import java.util.function.Function;

/**
 * What graders need from outside the answer format: the judge model's endpoint, and whether this workspace lets
 * generated code run. The CLI and the app each make one for a run; {@link #NONE} grades neither.
 */
public interface GradingContext {
    /** Grades nothing by judge or tests: each answer says why in a failed grade. */
    GradingContext NONE = new GradingContext() {
        @Override
        public Grader judge(AnswerFormat format) {
            return refusing(GradeDetail.JUDGE, "no judge endpoint is available to this run");
        }

        @Override
        public Grader tests(AnswerFormat format) {
            return refusing(GradeDetail.TESTS, "running generated code is off for this workspace");
        }
    };

    /** The grader of a {@link dev.rationale.core.answer.CompareRule#JUDGE} format. */
    Grader judge(AnswerFormat format);

    /** The grader of a {@link dev.rationale.core.answer.CompareRule#TESTS} format. */
    Grader tests(AnswerFormat format);

    /** A context of the given judge and tests graders. */
    static GradingContext of(Function<AnswerFormat, Grader> judge, Function<AnswerFormat, Grader> tests) {
        return new GradingContext() {
            @Override
            public Grader judge(AnswerFormat format) {
                return judge.apply(format);
            }

            @Override
            public Grader tests(AnswerFormat format) {
                return tests.apply(format);
            }
        };
    }

    /** A grader that grades nothing and says why in each answer's failed grade. */
    static Grader refusing(String grader, String why) {
        return input -> input.extracted().scored(GradeDetail.failed(grader, why, null, null), 0);
    }
}
