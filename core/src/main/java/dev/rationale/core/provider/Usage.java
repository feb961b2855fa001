// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Token counts as the backend reports them, normalized across providers: {@code promptTokens} counts every prompt
 * token, those read from a cache included, and {@code completionTokens} every generated one, thinking included.
 *
 * @param reasoningTokens the share of completion tokens spent on reasoning, where reported
 * @param cachedTokens the share of prompt tokens the provider read from its prompt cache (billed lower), where
 *     reported
 */
@JsonPropertyOrder({"promptTokens", "completionTokens", "reasoningTokens", "cachedTokens"})
public record Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
        @Nullable Integer reasoningTokens, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer cachedTokens) {

    /** Counts from a backend that reports no cache. */
    public Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
            @Nullable Integer reasoningTokens) {
        this(promptTokens, completionTokens, reasoningTokens, null);
    }
}
