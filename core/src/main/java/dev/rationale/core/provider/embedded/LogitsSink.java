// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

/** Receives the raw logits a session computed after one token. */
@FunctionalInterface
public interface LogitsSink {
    /**
     * @param index the token's index in the sequence the session evaluated; the logits predict the token after it
     * @param logits one value per vocabulary entry; the array is reused after this call returns, so copy what you
     *     keep
     */
    void accept(int index, float[] logits);
}
