// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.ReasoningSteps;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.ThinkBlock;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.grading.Grader;
import dev.rationale.core.grading.Graders;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.grading.GradingInput;
import dev.rationale.core.promptset.JsonNames;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.PromptRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Turns a finished request into the records of its samples: graded, scored, or failed with the reason. An answer
 * format that {@link dev.rationale.core.answer.CompareRule#scores scores} is graded here too, by its
 * {@link Grader}, which may block: records are made on the job's virtual thread after its slot is handed on.
 */
final class SampleRecords {
    private final String task;
    private final Task taskSpec;
    private final AnswerGrader grader;
    private final @Nullable Grader scoring;
    // The scoring rule's file name is its grader's (GradeDetail.CHRF, JUDGE, TESTS).
    private final String graderName;
    private final double threshold;
    private final ReasoningSteps steps;

    SampleRecords(String task, Task taskSpec, GradingContext grading) {
        AnswerFormat format = taskSpec.effectiveAnswer();
        this.task = task;
        this.taskSpec = taskSpec;
        this.grader = AnswerGrader.of(format);
        this.scoring = Graders.of(format, grading);
        this.graderName = JsonNames.of(format.effectiveCompare());
        this.threshold = format.effectiveThreshold();
        this.steps = ReasoningSteps.of(format);
    }

    /**
     * The records of a finished request, graded. When the run is cancelled while an answer is being scored, every
     * sample of the request is recorded as failed, so that a resumed run asks again rather than keep answers that
     * were never graded.
     */
    List<SampleRecord> of(CompletionJob job, CompletionResult result, int attempts, @Nullable Long seed) {
        List<SampleRecord> records = new ArrayList<>();
        try {
            for (int j = 0; j < job.samples().size(); j++) {
                CompletionResult.Sample sample = j < result.samples().size() ? result.samples().get(j)
                        : new CompletionResult.Sample("", "", List.of(), null);
                records.add(record(job, j, sample, result, attempts, seed));
            }
        } catch (GradingCancelled e) {
            return failed(job, "CANCELLED", "the run was cancelled while the answer was being graded");
        }
        return records;
    }

    /** The run was cancelled while a grader waited. */
    private static final class GradingCancelled extends RuntimeException {
        GradingCancelled() {
            super(null, null, false, false);
        }
    }

    /** Records for every sample of a job that failed before (or without) a completion. */
    List<SampleRecord> failed(CompletionJob job, String errorKind, String reason) {
        List<SampleRecord> records = new ArrayList<>();
        for (int sample : job.samples()) {
            records.add(SampleRecord.failure(job.key(task, sample), job.target(), job.testCase().expected(),
                    errorKind, reason));
        }
        return records;
    }

    private SampleRecord record(CompletionJob job, int j, CompletionResult.Sample sample, CompletionResult result,
            int attempts, @Nullable Long seed) {
        CompletionKey key = job.key(task, job.samples().get(j));
        @Nullable String expected = job.testCase().expected();
        ProviderException failure = result.failure();
        Verdict status;
        Grade grade = new Grade(Verdict.NO_ANSWER, null, null);
        @Nullable Double probability = null;
        if (failure != null) {
            status = Verdict.FAILED;
        } else {
            grade = grader.grade(sample.text(), expected);
            if (scoring != null && grade.extracted() != null) {
                grade = score(job, sample, grade);
            }
            status = grade.verdict();
            // The answer's probability comes from its scored tokens; without any (no log-probabilities from this
            // backend) there is nothing to find, and finding the steps is most of grading's cost.
            probability = sample.tokens().isEmpty() ? null : steps.analyze(sample).answerConfidence();
        }
        // Token counts belong to the request; only its first sample carries them so that sums stay right.
        @Nullable Usage usage = j == 0 ? result.usage() : null;
        return new SampleRecord(key.task(), key.variant(), key.target(), key.testCase(), key.sample(),
                job.target().endpoint().name(), job.target().model(), status, expected, grade.extracted(),
                grade.normalized(), probability, sample.text(),
                sample.reasoning().isEmpty() ? null : sample.reasoning(), sample.finishReason(), seed, attempts,
                result.timings() == null ? null : result.timings().totalMillis(),
                result.timings() == null ? null : result.timings().firstTokenMillis(),
                usage == null ? null : usage.promptTokens(), usage == null ? null : usage.completionTokens(),
                failure == null ? null : failure.kind().name(), failure == null ? null : failure.getMessage(),
                usage == null ? null : usage.reasoningTokens(),
                result.timings() == null ? null : result.timings().thinkingMillis(),
                usage == null ? null : usage.cachedTokens(), null, grade.detail());
    }

    private Grade score(CompletionJob job, CompletionResult.Sample sample, Grade extracted) {
        try {
            String asked = PromptRenderer.draft(taskSpec, job.variant(), job.testCase()).asked();
            return Objects.requireNonNull(scoring).grade(new GradingInput(job.testCase(), asked,
                    ThinkBlock.answerOf(sample.text()), extracted, job.target().endpoint(), job.target().model()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradingCancelled();
        } catch (RuntimeException e) {
            return extracted.scored(GradeDetail.failed(graderName, "grading failed: " + e.getMessage(), null,
                    null), threshold);
        }
    }
}
