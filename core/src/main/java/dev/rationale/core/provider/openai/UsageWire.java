// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.Usage;
import org.jspecify.annotations.Nullable;

/**
 * {@code usage} of either completion protocol; for {@code n > 1} it covers all samples. {@code prompt_tokens}
 * already counts the cached ones, and {@code completion_tokens} the reasoning ones.
 */
record UsageWire(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
        @Nullable Details completionTokensDetails, @Nullable PromptDetails promptTokensDetails) {

    UsageWire(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
            @Nullable Details completionTokensDetails) {
        this(promptTokens, completionTokens, completionTokensDetails, null);
    }

    record Details(@Nullable Integer reasoningTokens) {
    }

    record PromptDetails(@Nullable Integer cachedTokens) {
    }

    Usage toUsage() {
        return new Usage(promptTokens, completionTokens,
                completionTokensDetails == null ? null : completionTokensDetails.reasoningTokens(),
                promptTokensDetails == null ? null : promptTokensDetails.cachedTokens());
    }
}
