// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One completion as the history keeps it: what was asked exactly, what came back, and how it was graded.
 *
 * @param request the request as sent; it holds prompt and settings only, so no secret can be stored with it
 * @param text the answer text (what arrived before a failure, when the call failed)
 * @param reasoning the reasoning text, when the model or server separated it; empty otherwise
 * @param tokens the answer's scored tokens with their alternatives; empty when the backend gave none
 * @param extracted the answer the format's rules found, or null
 * @param expected the test case's expected answer, or null
 * @param failure why the call failed, when {@code grade} is {@link Verdict#FAILED}
 * @param batch whether the completion came through a provider's batch API (billed at the batch price)
 * @param grading the score of an answer format that scores, with its reasons and exchange; null otherwise
 */
public record CompletionRecord(
        RunCompletionKey key,
        CompletionRequest request,
        String text,
        String reasoning,
        List<ScoredToken> tokens,
        @Nullable String extracted,
        @Nullable String expected,
        Verdict grade,
        @Nullable String failure,
        @Nullable FinishReason finishReason,
        @Nullable Usage usage,
        @Nullable Timings timings,
        Instant createdAt,
        boolean batch,
        @Nullable GradeDetail grading) {

    public CompletionRecord {
        tokens = List.copyOf(tokens);
    }

    /** A completion without a score's detail. */
    public CompletionRecord(RunCompletionKey key, CompletionRequest request, String text, String reasoning,
            List<ScoredToken> tokens, @Nullable String extracted, @Nullable String expected, Verdict grade,
            @Nullable String failure, @Nullable FinishReason finishReason, @Nullable Usage usage,
            @Nullable Timings timings, Instant createdAt, boolean batch) {
        this(key, request, text, reasoning, tokens, extracted, expected, grade, failure, finishReason, usage, timings,
                createdAt, batch, null);
    }

    /** A completion sent on its own. */
    public CompletionRecord(RunCompletionKey key, CompletionRequest request, String text, String reasoning,
            List<ScoredToken> tokens, @Nullable String extracted, @Nullable String expected, Verdict grade,
            @Nullable String failure, @Nullable FinishReason finishReason, @Nullable Usage usage,
            @Nullable Timings timings, Instant createdAt) {
        this(key, request, text, reasoning, tokens, extracted, expected, grade, failure, finishReason, usage, timings,
                createdAt, false);
    }

    /**
     * The record of one sample of a collected result. A failed result is stored as {@link Verdict#FAILED} with the
     * failure's message whatever the grade; a missing grade means {@link Verdict#UNGRADED}.
     */
    public static CompletionRecord of(RunCompletionKey key, CompletionRequest request, CompletionResult result,
            CompletionResult.Sample sample, @Nullable Grade grade, @Nullable String expected, Instant createdAt) {
        Verdict outcome = result.failure() != null ? Verdict.FAILED
                : grade == null ? Verdict.UNGRADED : grade.verdict();
        String failure = result.failure() == null ? null : result.failure().getMessage();
        return new CompletionRecord(key, request, sample.text(), sample.reasoning(), sample.tokens(),
                grade == null ? null : grade.extracted(), expected, outcome, failure, sample.finishReason(),
                result.usage(), result.timings(), createdAt, false, grade == null ? null : grade.detail());
    }
}
