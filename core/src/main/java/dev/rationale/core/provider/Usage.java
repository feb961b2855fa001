// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * Token counts as the backend reports them.
 *
 * @param reasoningTokens the share of completion tokens spent on reasoning, where reported
 */
@JsonPropertyOrder({"promptTokens", "completionTokens", "reasoningTokens"})
public record Usage(@Nullable Integer promptTokens, @Nullable Integer completionTokens,
        @Nullable Integer reasoningTokens) {
}
