// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.analysis.ReasoningSteps;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.AnswerGrader;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a finished request into the records of its samples: graded, scored, or failed with the reason. */
final class SampleRecords {
    private final String task;
    private final AnswerGrader grader;
    private final ReasoningSteps steps;

    SampleRecords(String task, AnswerFormat format) {
        this.task = task;
        this.grader = AnswerGrader.of(format);
        this.steps = ReasoningSteps.of(format);
    }

    List<SampleRecord> of(CompletionJob job, CompletionResult result, int attempts, @Nullable Long seed) {
        List<SampleRecord> records = new ArrayList<>();
        for (int j = 0; j < job.samples().size(); j++) {
            CompletionResult.Sample sample = j < result.samples().size() ? result.samples().get(j)
                    : new CompletionResult.Sample("", "", List.of(), null);
            records.add(record(job, j, sample, result, attempts, seed));
        }
        return records;
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
                usage == null ? null : usage.cachedTokens(), null);
    }
}
