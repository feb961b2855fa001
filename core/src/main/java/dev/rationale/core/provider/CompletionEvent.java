// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.List;

/**
 * What a provider reports while a completion streams. Every stream ends with exactly one {@link Completed} or
 * {@link Failed}; a failed stream keeps the events that came before it. With several samples, {@code sample}
 * says which completion an event belongs to (0 for the first).
 */
public sealed interface CompletionEvent {

    /** Answer text, in order. */
    record TextDelta(int sample, String text) implements CompletionEvent {
    }

    /** Reasoning text, kept apart from the answer. */
    record ReasoningDelta(int sample, String text) implements CompletionEvent {
    }

    /**
     * Generated tokens with their probabilities, in order, including reasoning tokens where the backend scores
     * them. Their texts, joined, are the answer and reasoning text.
     */
    record TokensScored(int sample, List<ScoredToken> tokens) implements CompletionEvent {
        public TokensScored {
            tokens = List.copyOf(tokens);
        }
    }

    /** The prompt's own tokens, scored (where asked for and supported). */
    record PromptScored(List<ScoredToken> tokens) implements CompletionEvent {
        public PromptScored {
            tokens = List.copyOf(tokens);
        }
    }

    /** A request setting the backend could not honour and how it was changed, shown to the user. */
    record Notice(String message) implements CompletionEvent {
    }

    /** Token counts. */
    record UsageReported(Usage usage) implements CompletionEvent {
    }

    /** One sample finished; the stream ends after the last sample's. */
    record SampleFinished(int sample, FinishReason reason) implements CompletionEvent {
    }

    /** The stream ended normally. */
    record Completed(Timings timings) implements CompletionEvent {
    }

    /** The stream ended in failure; what arrived before stays valid. */
    record Failed(ProviderException error, Timings timings) implements CompletionEvent {
    }
}
