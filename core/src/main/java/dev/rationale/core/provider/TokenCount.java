// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.Locale;

/**
 * How many tokens a prompt takes.
 *
 * @param tokens the count, never negative
 * @param exact true when a real tokenizer counted; false for an estimate
 */
public record TokenCount(int tokens, boolean exact) {

    public TokenCount {
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be 0 or more, got " + tokens);
        }
    }

    /** The count as the preview shows it: "1,204 tokens", or "≈ 1,204 tokens" for an estimate. */
    public String display() {
        String number = String.format(Locale.ROOT, "%,d", tokens);
        String noun = tokens == 1 ? "token" : "tokens";
        return (exact ? "" : "≈ ") + number + " " + noun;
    }
}
