// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * How long a completion took, measured by Rationale from sending the request.
 *
 * @param firstTokenMillis until the first answer or reasoning text arrived; null if none did
 * @param totalMillis until the completion ended
 * @param thinkingMillis from the first reasoning text to the first answer text (or the end, when no answer came);
 *     null when no reasoning text arrived apart from the answer
 */
@JsonPropertyOrder({"firstTokenMillis", "totalMillis", "thinkingMillis"})
public record Timings(@Nullable Double firstTokenMillis, double totalMillis, @Nullable Double thinkingMillis) {

    /** Timings of a completion that did no separate thinking. */
    public Timings(@Nullable Double firstTokenMillis, double totalMillis) {
        this(firstTokenMillis, totalMillis, null);
    }
}
