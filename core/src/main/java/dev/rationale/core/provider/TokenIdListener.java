// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.List;

/**
 * Receives the token ids of an embedded completion alongside its events, for callers that branch it later. Called
 * on the provider thread, in step with the {@link dev.rationale.core.provider.CompletionListener}: the prompt's
 * ids before any generated token, then each batch of generated ids right after the
 * {@link dev.rationale.core.provider.CompletionEvent.TokensScored} event with the same tokens (or, when token
 * probabilities were not asked for, right after the text they make). An exception thrown here ends the stream as
 * failed, like one from the listener.
 */
public interface TokenIdListener {

    /** Ignores everything. */
    TokenIdListener NONE = (sample, tokens) -> {
    };

    /** The ids of the prompt as evaluated (chat template applied, BOS included). */
    default void onPrompt(List<Integer> ids) {
    }

    /** The next generated tokens of {@code sample}. */
    void onTokens(int sample, List<TokenIds> tokens);
}
