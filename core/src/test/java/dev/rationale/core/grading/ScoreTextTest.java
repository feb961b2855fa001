// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.JudgeSpec;
import org.junit.jupiter.api.Test;

class ScoreTextTest {

    @Test
    void aScoreSaysItsScaleAndWhatPasses() {
        assertThat(ScoreText.of(new GradeDetail(GradeDetail.CHRF, 12.4567, null, null, null),
                format(CompareRule.CHRF, null, null))).isEqualTo("chrF 12.5 (passes at 50)");
        assertThat(ScoreText.of(new GradeDetail(GradeDetail.CHRF, 61.0, null, null, null),
                format(CompareRule.CHRF, 55.5, null))).isEqualTo("chrF 61.0 (passes at 55.5)");
        assertThat(ScoreText.of(new GradeDetail(GradeDetail.JUDGE, 7.0, "ok", null, null),
                format(CompareRule.JUDGE, null, new JudgeSpec(null, null, null, 1, 10, null))))
                .isEqualTo("judge 7 of 1-10 (passes at 8)");
        assertThat(ScoreText.of(new GradeDetail(GradeDetail.TESTS, 0.75, null, null, null),
                format(CompareRule.TESTS, null, null))).isEqualTo("tests 75% passed (passes at 100%)");
    }

    @Test
    void gradingThatDidNotFinishSaysWhy() {
        assertThat(ScoreText.of(GradeDetail.failed(GradeDetail.JUDGE, "the judge's reply has no score", null, "?"),
                format(CompareRule.JUDGE, null, null))).isEqualTo("not graded: the judge's reply has no score");
    }

    private static AnswerFormat format(CompareRule rule, Double threshold, JudgeSpec judge) {
        return new AnswerFormat(null, null, null, null, rule, threshold, judge, null);
    }
}
