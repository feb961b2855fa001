// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One generated (or prompt) token with its probability and the alternatives at its position.
 *
 * @param text the token's text; a token that holds only part of a UTF-8 character has the text its bytes make
 *     together with its neighbours' (see the providers), never a replacement character when the bytes are known
 * @param bytes the token's raw bytes, each 0..255; empty when the backend does not say
 * @param logprob natural-log probability of this token; null when unknown (a placeholder or none sent)
 * @param top the most likely tokens at this position, most likely first; empty when not asked for
 */
@JsonPropertyOrder({"text", "bytes", "logprob", "top"})
public record ScoredToken(String text, List<Integer> bytes, @Nullable Double logprob, List<TokenAlternative> top) {

    public ScoredToken {
        bytes = List.copyOf(bytes);
        top = List.copyOf(top);
    }

    /** The probability, {@code exp(logprob)}, or NaN when unknown. */
    public double probability() {
        return logprob == null ? Double.NaN : Math.exp(logprob);
    }
}
