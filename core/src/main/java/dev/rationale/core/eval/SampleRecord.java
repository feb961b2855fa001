// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.cost.TokenTotals;
import dev.rationale.core.provider.FinishReason;
import org.jspecify.annotations.Nullable;

/**
 * One finished completion, as one line of a results file. It names the endpoint and model but holds no key, header
 * or URL query: nothing secret is ever written.
 *
 * @param testCase the case's id, {@code "case"} in the file
 * @param endpoint the endpoint's name
 * @param answer the extracted answer as written; null when none was found or the request failed
 * @param normalized the answer in the compare rule's canonical form
 * @param text the completion's answer text (what arrived, for a failure)
 * @param answerProbability the mean probability of the answer's tokens, where the backend scored them
 * @param seed the sampling seed sent, if any
 * @param attempts requests sent for it: 1, more when a 429, a 5xx, a refused connection or a stream cut midway
 *     had it sent again (see {@code JobExecutor})
 * @param latencyMillis from sending the request to its end (the last attempt's), shared by the samples of one
 *     request
 * @param promptTokens token counts of the request, put on the first sample of a request only so that totals add up
 * @param thinkingTokens of the completion tokens, those spent thinking, where the backend counts them; on the
 *     first sample of a request only, like the other counts
 * @param thinkingMillis from the first reasoning text to the first answer text, when reasoning came apart
 * @param errorKind for a failure, the {@link dev.rationale.core.provider.ProviderException.Kind} name
 * @param reason for a failure, the provider's message (never a key)
 * @param cachedTokens of the prompt tokens, those the provider read from its prompt cache, where it says; on the
 *     first sample of a request only, like the other counts
 * @param batch the provider's id of the batch the completion came from, billed at the batch price ({@link
 *     #IMPORTED_BATCH} when a batch output file was imported by hand); null for a completion requested directly
 * @param grading the score of an answer format that {@link dev.rationale.core.answer.CompareRule#scores scores},
 *     with its reasons and the judge's or the tests' exchange; null otherwise
 */
@JsonPropertyOrder({"task", "variant", "target", "case", "sample", "endpoint", "model", "status", "expected",
        "answer", "normalized", "answerProbability", "text", "reasoning", "finishReason", "seed", "attempts",
        "latencyMillis", "firstTokenMillis", "thinkingMillis", "promptTokens", "completionTokens", "thinkingTokens",
        "cachedTokens", "batch", "grading", "errorKind", "reason"})
public record SampleRecord(
        String task,
        String variant,
        String target,
        @JsonProperty("case") String testCase,
        int sample,
        String endpoint,
        String model,
        Verdict status,
        @Nullable String expected,
        @Nullable String answer,
        @Nullable String normalized,
        @Nullable Double answerProbability,
        @Nullable String text,
        @Nullable String reasoning,
        @Nullable FinishReason finishReason,
        @Nullable Long seed,
        int attempts,
        @Nullable Double latencyMillis,
        @Nullable Double firstTokenMillis,
        @Nullable Integer promptTokens,
        @Nullable Integer completionTokens,
        @Nullable String errorKind,
        @Nullable String reason,
        @Nullable Integer thinkingTokens,
        @Nullable Double thinkingMillis,
        @Nullable Integer cachedTokens,
        @Nullable String batch,
        @Nullable GradeDetail grading) {

    /** What {@link #batch} says of a completion imported from a batch's output file, which names no batch. */
    public static final String IMPORTED_BATCH = "imported";

    /** A record without a score's detail. */
    public SampleRecord(String task, String variant, String target, String testCase, int sample, String endpoint,
            String model, Verdict status, @Nullable String expected, @Nullable String answer,
            @Nullable String normalized, @Nullable Double answerProbability, @Nullable String text,
            @Nullable String reasoning, @Nullable FinishReason finishReason, @Nullable Long seed, int attempts,
            @Nullable Double latencyMillis, @Nullable Double firstTokenMillis, @Nullable Integer promptTokens,
            @Nullable Integer completionTokens, @Nullable String errorKind, @Nullable String reason,
            @Nullable Integer thinkingTokens, @Nullable Double thinkingMillis, @Nullable Integer cachedTokens,
            @Nullable String batch) {
        this(task, variant, target, testCase, sample, endpoint, model, status, expected, answer, normalized,
                answerProbability, text, reasoning, finishReason, seed, attempts, latencyMillis, firstTokenMillis,
                promptTokens, completionTokens, errorKind, reason, thinkingTokens, thinkingMillis, cachedTokens, batch,
                null);
    }

    /** A record without cache counts, requested directly. */
    public SampleRecord(String task, String variant, String target, String testCase, int sample, String endpoint,
            String model, Verdict status, @Nullable String expected, @Nullable String answer,
            @Nullable String normalized, @Nullable Double answerProbability, @Nullable String text,
            @Nullable String reasoning, @Nullable FinishReason finishReason, @Nullable Long seed, int attempts,
            @Nullable Double latencyMillis, @Nullable Double firstTokenMillis, @Nullable Integer promptTokens,
            @Nullable Integer completionTokens, @Nullable String errorKind, @Nullable String reason,
            @Nullable Integer thinkingTokens, @Nullable Double thinkingMillis) {
        this(task, variant, target, testCase, sample, endpoint, model, status, expected, answer, normalized,
                answerProbability, text, reasoning, finishReason, seed, attempts, latencyMillis, firstTokenMillis,
                promptTokens, completionTokens, errorKind, reason, thinkingTokens, thinkingMillis, null, null);
    }

    /** A record without thinking counts (from a backend or file that keeps none apart). */
    public SampleRecord(String task, String variant, String target, String testCase, int sample, String endpoint,
            String model, Verdict status, @Nullable String expected, @Nullable String answer,
            @Nullable String normalized, @Nullable Double answerProbability, @Nullable String text,
            @Nullable String reasoning, @Nullable FinishReason finishReason, @Nullable Long seed, int attempts,
            @Nullable Double latencyMillis, @Nullable Double firstTokenMillis, @Nullable Integer promptTokens,
            @Nullable Integer completionTokens, @Nullable String errorKind, @Nullable String reason) {
        this(task, variant, target, testCase, sample, endpoint, model, status, expected, answer, normalized,
                answerProbability, text, reasoning, finishReason, seed, attempts, latencyMillis, firstTokenMillis,
                promptTokens, completionTokens, errorKind, reason, null, null, null, null);
    }

    /** This completion as one that came from the provider batch {@code batchId}, billed at the batch price. */
    public SampleRecord fromBatch(String batchId) {
        return new SampleRecord(task, variant, target, testCase, sample, endpoint, model, status, expected, answer,
                normalized, answerProbability, text, reasoning, finishReason, seed, attempts, latencyMillis,
                firstTokenMillis, promptTokens, completionTokens, errorKind, reason, thinkingTokens, thinkingMillis,
                cachedTokens, batchId, grading);
    }

    /** The tokens this record bills (zero on a request's later samples, whose first sample carries them). */
    @JsonIgnore
    public TokenTotals billedTokens() {
        return TokenTotals.of(promptTokens, cachedTokens, completionTokens, thinkingTokens);
    }

    /** Whether the record is billed at the batch price. */
    @JsonIgnore
    public boolean billedInBatch() {
        return batch != null;
    }

    @JsonIgnore
    public CompletionKey key() {
        return new CompletionKey(task, variant, target, testCase, sample);
    }

    /** A failure that carries nothing from the model, e.g. a request never sent. */
    public static SampleRecord failure(CompletionKey key, EvalTarget target, @Nullable String expected,
            String errorKind, String reason) {
        return new SampleRecord(key.task(), key.variant(), key.target(), key.testCase(), key.sample(),
                target.endpoint().name(), target.model(), Verdict.FAILED, expected, null, null, null, null, null,
                null, null, 0, null, null, null, null, errorKind, reason);
    }
}
