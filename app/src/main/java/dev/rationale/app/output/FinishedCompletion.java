// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A completion that has ended, shown again in Output or a Compare column without calling a provider: read back from
 * the run history (the request, the scored tokens and their alternatives), or, where the history has none, from an
 * evaluation's results file (text and grade only).
 *
 * @param origin where it came from, for the header: run, variant, model, case, sample
 * @param request the request as sent; null when not known
 * @param tokens the scored tokens; empty when none were kept
 * @param grade the extracted answer and its verdict; null for a call that failed
 * @param failure why the call failed, or null
 * @param format how answers are compared when several are shown together
 * @param billedTo the endpoint (with its kind) and model the usage is priced as; null when not known
 * @param batch whether it came through a provider's batch API, at the batch price
 */
public record FinishedCompletion(Origin origin, @Nullable CompletionRequest request, String text, String reasoning,
        List<ScoredToken> tokens, @Nullable Grade grade, @Nullable String expected, @Nullable String failure,
        @Nullable FinishReason finishReason, @Nullable Usage usage, @Nullable Timings timings, AnswerFormat format,
        @Nullable RunTarget billedTo, boolean batch) {

    /** A completion whose price is not known. */
    public FinishedCompletion(Origin origin, @Nullable CompletionRequest request, String text, String reasoning,
            List<ScoredToken> tokens, @Nullable Grade grade, @Nullable String expected, @Nullable String failure,
            @Nullable FinishReason finishReason, @Nullable Usage usage, @Nullable Timings timings,
            AnswerFormat format) {
        this(origin, request, text, reasoning, tokens, grade, expected, failure, finishReason, usage, timings, format,
                null, false);
    }

    public FinishedCompletion {
        tokens = List.copyOf(tokens);
    }

    /**
     * Where a finished completion came from.
     *
     * @param runId the history run that holds it; null when it was read from a results file
     * @param variant the variant's label (or id)
     * @param target the endpoint and model, e.g. {@code local/qwen3:8b}
     * @param sample from 0
     * @param samples how many samples its case has
     */
    public record Origin(@Nullable String runId, String variant, String target, String caseId, int sample,
            int samples) {

        /**
         * The header line, e.g. "Run 20260105-100000-3fa2 · zero-shot · local/qwen3:8b · case c01 · sample 2 of 5".
         */
        public String describe() {
            List<String> parts = new ArrayList<>();
            parts.add(runId == null ? "Results file (not in the history: no prompt or token probabilities)"
                    : "Run " + runId);
            parts.add(variant);
            parts.add(target);
            parts.add("case " + caseId);
            if (samples > 1) {
                parts.add(sampleText());
            }
            return String.join(" · ", parts);
        }

        /** A Compare column's title: the sample and case first, as a narrow column cuts the end off. */
        public String label() {
            return (samples > 1 ? sampleText() + " · " : "") + "case " + caseId + " · " + variant + " · " + target;
        }

        private String sampleText() {
            return "sample " + (sample + 1) + " of " + samples;
        }
    }

    /** A completion read back from the history, as {@code origin} names it. */
    public static FinishedCompletion of(StoredCompletion stored, Origin origin, AnswerFormat format) {
        CompletionRecord kept = stored.record();
        return new FinishedCompletion(origin, kept.request(), kept.text(), kept.reasoning(), kept.tokens(),
                grade(kept.grade(), kept.extracted(), kept.grading()), kept.expected(), kept.failure(),
                kept.finishReason(),
                kept.usage(), kept.timings(), format, kept.key().target(), kept.batch());
    }

    /** A completion as a results file line holds it: no request and no tokens. */
    public static FinishedCompletion of(SampleRecord record, Origin origin, AnswerFormat format) {
        Usage usage = record.promptTokens() == null && record.completionTokens() == null ? null
                : new Usage(record.promptTokens(), record.completionTokens(), record.thinkingTokens(),
                        record.cachedTokens());
        Timings timings = record.latencyMillis() == null ? null
                : new Timings(record.firstTokenMillis(), record.latencyMillis(), record.thinkingMillis());
        Grade grade = grade(record.status(), record.answer(), record.grading());
        return new FinishedCompletion(origin, null, Objects.requireNonNullElse(record.text(), ""),
                Objects.requireNonNullElse(record.reasoning(), ""), List.of(), grade, record.expected(),
                record.reason(), record.finishReason(), usage, timings, format);
    }

    private static @Nullable Grade grade(Verdict verdict, @Nullable String extracted,
            @Nullable GradeDetail grading) {
        return verdict == Verdict.FAILED ? null : new Grade(verdict, extracted, null, grading);
    }
}
