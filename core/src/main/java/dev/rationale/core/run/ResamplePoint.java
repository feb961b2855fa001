// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.run;

import dev.rationale.core.analysis.Passage;
import dev.rationale.core.analysis.ReasoningChain;
import dev.rationale.core.analysis.SampleField;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenIds;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A point in an answer to continue from: everything before it is kept, the model writes the rest again.
 *
 * @param label how the point is named to people, e.g. {@code "token 12"} or {@code "step 3"}
 * @param before the answer's text before the point, which each continuation follows
 * @param position how many of the answer's tokens are kept; -1 when the point is not at a token (then only the
 *     text routes can continue from it, see {@link Resampler})
 * @param ids the answer's token ids when it ran on the embedded engine with a {@link TokenIdRecorder}; null
 *     otherwise
 */
public record ResamplePoint(String label, String before, int position, @Nullable List<TokenIds> ids) {

    public ResamplePoint {
        ids = ids == null ? null : List.copyOf(ids);
    }

    /**
     * The point before token {@code index} (0 for the first): that token and all after it are written again.
     *
     * @throws IllegalArgumentException when {@code index} is not one of the tokens
     */
    public static ResamplePoint atToken(List<ScoredToken> tokens, int index, @Nullable List<TokenIds> ids) {
        if (index < 0 || index >= tokens.size()) {
            throw new IllegalArgumentException("token " + (index + 1) + " is not one of the answer's "
                    + tokens.size() + " tokens");
        }
        StringBuilder before = new StringBuilder();
        tokens.subList(0, index).forEach(token -> before.append(token.text()));
        return new ResamplePoint("token " + (index + 1), before.toString(), index, ids);
    }

    /**
     * The point at the start of each reasoning step of {@code chain}, a chain of the answer {@code text} with these
     * tokens, in step order; step {@code n} is labelled {@code "step n"}. A step that lines up with the tokens starts
     * at its first token; one that does not starts at its first character (continued as text only). Steps kept in a
     * separate reasoning field are left out: the answer text does not contain them.
     */
    public static List<ResamplePoint> stepStarts(ReasoningChain chain, String text, List<ScoredToken> tokens,
            @Nullable List<TokenIds> ids) {
        List<ResamplePoint> points = new ArrayList<>();
        for (int i = 0; i < chain.steps().size(); i++) {
            Passage step = chain.steps().get(i);
            if (step.field() != SampleField.TEXT) {
                continue;
            }
            String label = "step " + (i + 1);
            if (!step.tokenIndexes().isEmpty() && step.tokenIndexes().start() < tokens.size()) {
                ResamplePoint atToken = atToken(tokens, step.tokenIndexes().start(), ids);
                points.add(new ResamplePoint(label, atToken.before(), atToken.position(), atToken.ids()));
            } else {
                points.add(new ResamplePoint(label, text.substring(0, step.range().start()), -1, null));
            }
        }
        return points;
    }

    /** Whether the point is at a token whose ids are known, so the embedded engine can continue from its cache. */
    public boolean exact() {
        return position >= 0 && ids != null && ids.size() >= position;
    }
}
