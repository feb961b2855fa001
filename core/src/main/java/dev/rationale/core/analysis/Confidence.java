// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.provider.ScoredToken;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How sure the model was of a passage, from the probabilities of its tokens. Tokens without a log-probability are
 * left out of both figures.
 *
 * @param mean the arithmetic mean of the tokens' probabilities, 0..1
 * @param lowest the lowest token probability, 0..1
 * @param lowestToken the index, in the sample's token list, of the token with the lowest probability (the first
 *     such token on a tie)
 * @param lowestText that token's text
 * @param scoredTokens how many tokens had a probability
 */
public record Confidence(double mean, double lowest, int lowestToken, String lowestText, int scoredTokens) {

    /**
     * The confidence of consecutive tokens.
     *
     * @param tokens the tokens, in order
     * @param firstIndex the index of the first of them in the sample's token list
     * @return the confidence, or null when no token has a log-probability
     */
    static @Nullable Confidence of(List<ScoredToken> tokens, int firstIndex) {
        double sum = 0;
        int scored = 0;
        int lowestAt = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < tokens.size(); i++) {
            Double p = TokenHeat.probability(tokens.get(i));
            if (p == null) {
                continue;
            }
            sum += p;
            scored++;
            if (p < lowest) {
                lowest = p;
                lowestAt = i;
            }
        }
        if (scored == 0) {
            return null;
        }
        return new Confidence(sum / scored, lowest, firstIndex + lowestAt, tokens.get(lowestAt).text(), scored);
    }
}
