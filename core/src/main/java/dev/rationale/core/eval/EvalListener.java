// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import org.jspecify.annotations.Nullable;

/**
 * Hears each completion as soon as it is on disk, on the runner's worker threads (several at once): keep it quick
 * and thread-safe, and hand over to the UI thread yourself. An exception thrown here stops the run.
 */
@FunctionalInterface
public interface EvalListener {
    void finished(SampleRecord record);

    /**
     * The same completion with what produced it, for listeners that keep more than the results file does (the run
     * history). {@code request} is null when nothing was sent (the prompt did not render, or an earlier answer showed
     * the endpoint refuses the key); {@code sample} is null when the request failed before this sample's text.
     */
    default void finished(SampleRecord record, @Nullable CompletionRequest request,
            CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) {
        finished(record);
    }

    /** A multiple-choice case scored by likelihood (or failed to), once it is on disk. */
    default void scored(LikelihoodRecord record) {
    }

    /**
     * An endpoint answered 429 (too many requests) and its requests in flight were cut from {@code from} to
     * {@code to}. Heard when the limit falls below any value heard before in the run, so at most once per slot.
     */
    default void limitLowered(String endpoint, int from, int to) {
    }

    /** A batch of the run was submitted, changed state, or had its answers imported; its line is on disk. */
    default void batchChanged(BatchRecord batch) {
    }

    EvalListener NONE = record -> { };

    /** Tells {@code first}, then {@code second}, everything it hears. */
    static EvalListener both(EvalListener first, EvalListener second) {
        return new EvalListener() {
            @Override
            public void finished(SampleRecord record) {
                first.finished(record);
                second.finished(record);
            }

            @Override
            public void finished(SampleRecord record, @Nullable CompletionRequest request,
                    CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) {
                first.finished(record, request, sample, result);
                second.finished(record, request, sample, result);
            }

            @Override
            public void scored(LikelihoodRecord record) {
                first.scored(record);
                second.scored(record);
            }

            @Override
            public void batchChanged(BatchRecord batch) {
                first.batchChanged(batch);
                second.batchChanged(batch);
            }

            @Override
            public void limitLowered(String endpoint, int from, int to) {
                first.limitLowered(endpoint, from, to);
                second.limitLowered(endpoint, from, to);
            }
        };
    }
}
