// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one multiple-choice case of one variant on one target scored by likelihood: one line of a results file,
 * beside the completions' lines. The {@code likelihood} field (its status) tells the two kinds of line apart; a
 * reader of completions skips these lines, as they have no {@code status}.
 *
 * @param testCase the case's id, {@code "case"} in the file
 * @param likelihood whether the options were scored, or why not
 * @param accepted the options that count as correct
 * @param pick the option with the highest log-probability; null when scoring failed
 * @param perTokenPick the option with the highest log-probability per token; null when scoring failed
 * @param options every option's score, in the case's order; empty when scoring failed
 * @param errorKind for a failure, the {@link dev.rationale.core.provider.ProviderException.Kind} name (or
 *     {@code RENDER})
 * @param reason for a failure, the message
 */
@JsonPropertyOrder({"task", "variant", "target", "case", "endpoint", "model", "likelihood", "accepted", "pick",
        "pickCorrect", "perTokenPick", "perTokenCorrect", "options", "errorKind", "reason"})
public record LikelihoodRecord(
        String task,
        String variant,
        String target,
        @JsonProperty("case") String testCase,
        String endpoint,
        String model,
        Status likelihood,
        List<String> accepted,
        @Nullable String pick,
        boolean pickCorrect,
        @Nullable String perTokenPick,
        boolean perTokenCorrect,
        List<OptionScore> options,
        @Nullable String errorKind,
        @Nullable String reason) {

    /** Whether a case was scored. */
    public enum Status {
        @JsonProperty("scored") SCORED,
        @JsonProperty("failed") FAILED
    }

    /**
     * One option's score.
     *
     * @param option the option as the case states it
     * @param logprob the natural-log probability of its continuation after the prompt
     * @param tokens how many tokens the continuation took
     */
    public record OptionScore(String option, double logprob, int tokens) {
    }

    // Jackson leaves a list missing from a line null whatever the record declares.
    @SuppressWarnings("ConstantValue")
    public LikelihoodRecord {
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The case this record scores: the unit resuming skips. */
    @JsonIgnore
    public CompletionKey.CaseKey key() {
        return new CompletionKey.CaseKey(variant, target, testCase);
    }

    /** A case that could not be scored, with the reason. */
    static LikelihoodRecord failure(String task, ScoringJob job, String errorKind, String reason) {
        return new LikelihoodRecord(task, String.valueOf(job.variant().id()), job.target().id(), job.caseId(),
                job.target().endpoint().name(), job.target().model(), Status.FAILED, job.question().accepted(), null,
                false, null, false, List.of(), errorKind, reason);
    }
}
