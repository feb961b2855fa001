// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * A token the model could have chosen at a position, with its log-probability.
 *
 * @param logprob natural-log probability; null when the backend sent a placeholder instead of a value
 */
@JsonPropertyOrder({"text", "logprob"})
public record TokenAlternative(String text, @Nullable Double logprob) {
}
