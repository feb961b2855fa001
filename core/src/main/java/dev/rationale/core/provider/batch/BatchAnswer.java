// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.batch;

import dev.rationale.core.provider.CompletionResult;
import dev.rationale.core.provider.ProviderException;
import org.jspecify.annotations.Nullable;

/**
 * What a batch returned for one request: the completion, or why there is none.
 *
 * @param customId the request's id
 * @param result the completion as a stream would have given it (no timings); null for a failure
 * @param failure the kind of failure, null for a completion
 * @param reason the provider's words for the failure, null for a completion
 */
public record BatchAnswer(String customId, @Nullable CompletionResult result,
        ProviderException.@Nullable Kind failure, @Nullable String reason) {

    public static BatchAnswer answered(String customId, CompletionResult result) {
        return new BatchAnswer(customId, result, null, null);
    }

    public static BatchAnswer failed(String customId, ProviderException.Kind kind, String reason) {
        return new BatchAnswer(customId, null, kind, reason);
    }
}
