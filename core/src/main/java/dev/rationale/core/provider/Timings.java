// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * How long a completion took, measured by Rationale from sending the request.
 *
 * @param firstTokenMillis until the first answer or reasoning text arrived; null if none did
 * @param totalMillis until the completion ended
 */
@JsonPropertyOrder({"firstTokenMillis", "totalMillis"})
public record Timings(@Nullable Double firstTokenMillis, double totalMillis) {
}
