// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.judge;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.JudgeSpec;
import dev.rationale.core.grading.Grader;
import dev.rationale.core.grading.GradingInput;
import org.jspecify.annotations.Nullable;

/**
 * Grades an answer by asking a judge model to score it against the criteria on the spec's scale: the answer passes
 * when the score reaches the threshold. The judge reads the whole answer text (thinking removed), not only what
 * the extract rule found. A reply without a score on the scale, or no reply, is a failed grade that keeps the
 * prompt and the reply, never a pass. Thread-safe; blocks while the judge answers.
 */
final class JudgeGrader implements Grader {
    private final JudgeSpec spec;
    private final double threshold;
    private final Judges judges;

    JudgeGrader(JudgeSpec spec, double threshold, Judges judges) {
        this.spec = spec;
        this.threshold = threshold;
        this.judges = judges;
    }

    @Override
    public Grade grade(GradingInput input) throws InterruptedException {
        JudgeCall call;
        try {
            call = judges.call(spec, input.endpoint(), input.model());
        } catch (RationaleException e) {
            return failed(input, String.valueOf(e.getMessage()), null, null);
        }
        String prompt = JudgePrompts.rubric(spec, input.question(), input.completion(), input.testCase().expected());
        JudgeExchange exchange = call.ask(prompt, ReplyShapes.RUBRIC);
        if (exchange.failed()) {
            return failed(input, "the judge did not answer: " + exchange.failure(), prompt, exchange.reply());
        }
        RubricVerdict verdict = RubricVerdict.read(exchange.reply(), spec.effectiveMin(), spec.effectiveMax());
        GradeDetail detail = verdict.score() == null
                ? GradeDetail.failed(GradeDetail.JUDGE, verdict.note(), prompt, exchange.reply())
                : new GradeDetail(GradeDetail.JUDGE, verdict.score(), verdict.note(), prompt, exchange.reply());
        return input.extracted().scored(detail, threshold);
    }

    private Grade failed(GradingInput input, String why, @Nullable String prompt, @Nullable String reply) {
        return input.extracted().scored(GradeDetail.failed(GradeDetail.JUDGE, why, prompt, reply), threshold);
    }
}
