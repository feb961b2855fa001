// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whole completion, gathered from its events by {@link CompletionCollector}.
 *
 * @param samples one per requested sample, in order
 * @param promptTokens the scored prompt, where asked for
 * @param failure why the stream failed, or null; the samples then hold what arrived before
 */
public record CompletionResult(
        List<Sample> samples,
        List<ScoredToken> promptTokens,
        @Nullable Usage usage,
        @Nullable Timings timings,
        List<String> notices,
        @Nullable ProviderException failure) {

    /** One completion's text, reasoning, scored tokens and end. */
    public record Sample(String text, String reasoning, List<ScoredToken> tokens, @Nullable FinishReason finishReason) {
        public Sample {
            tokens = List.copyOf(tokens);
        }
    }

    public CompletionResult {
        samples = List.copyOf(samples);
        promptTokens = List.copyOf(promptTokens);
        notices = List.copyOf(notices);
    }

    /** The first sample: the completion, when only one was asked for. */
    @JsonIgnore
    public Sample first() {
        return samples.getFirst();
    }

    @JsonIgnore
    public boolean failed() {
        return failure != null;
    }
}
