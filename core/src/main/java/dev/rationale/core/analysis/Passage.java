// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.analysis;

import dev.rationale.core.provider.ScoredToken;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stretch of a sample's text (a reasoning step, or the final answer) with the tokens that overlap it.
 *
 * @param text the passage as written: {@code range} of the field's string
 * @param field which string of the sample the passage lies in
 * @param range the passage's characters in that string
 * @param tokenTextRange the passage's characters in the sample's token texts joined, or null when the field is not
 *     aligned with the tokens (see {@link TokenAlignment})
 * @param tokenIndexes the indexes, in the sample's token list, of the tokens that overlap the passage (a token may
 *     overlap two neighbouring passages); empty when the field is not aligned
 * @param tokens those tokens
 * @param confidence the tokens' probabilities summed up; null when no token overlaps or none has a probability
 */
public record Passage(
        String text,
        SampleField field,
        Range range,
        @Nullable Range tokenTextRange,
        Range tokenIndexes,
        List<ScoredToken> tokens,
        @Nullable Confidence confidence) {

    public Passage {
        tokens = List.copyOf(tokens);
    }

    /** Whether the passage has token scores. */
    public boolean scored() {
        return confidence != null;
    }
}
