// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.Usage;
import org.jspecify.annotations.Nullable;

/** {@code usage} of either completion protocol; for {@code n > 1} it covers all samples. */
record UsageWire(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
        @Nullable Details completionTokensDetails) {

    record Details(@Nullable Integer reasoningTokens) {
    }

    Usage toUsage() {
        return new Usage(promptTokens, completionTokens,
                completionTokensDetails == null ? null : completionTokensDetails.reasoningTokens());
    }
}
