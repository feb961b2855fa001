// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

/**
 * Counts the tokens of a prompt's text. A model's own tokenizer gives an exact count; without one, {@link #estimate()}
 * guesses. Called off the FX thread, so implementations must be thread-safe.
 */
@FunctionalInterface
public interface TokenCounter {

    /** Roughly four characters make a token in English text for the common BPE vocabularies. */
    int CHARACTERS_PER_TOKEN = 4;

    TokenCount count(String text);

    /** An estimate from the length alone: one token per four characters (code points), rounded up. */
    static TokenCounter estimate() {
        return text -> {
            int characters = text.codePointCount(0, text.length());
            return new TokenCount((characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN, false);
        };
    }
}
