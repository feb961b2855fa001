// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rationale.core.provider.LogprobCheck;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.http.WireFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a candidate's {@code logprobsResult} into scored tokens. {@code chosenCandidates[i]} and
 * {@code topCandidates[i]} describe step {@code i}; the chosen token may be missing from its step's top list,
 * and is then kept as chosen without being added to the alternatives. Gemini gives no token bytes.
 */
final class GeminiLogprobs {

    private static final WireFields FIELDS = new WireFields("Gemini", "a candidate's logprobsResult");

    private static final Comparator<TokenAlternative> MOST_LIKELY_FIRST =
            Comparator.comparing(TokenAlternative::logprob, Comparator.nullsLast(Comparator.reverseOrder()));

    private GeminiLogprobs() {
    }

    /**
     * The scored tokens of one result, in order; empty for a missing result.
     *
     * @throws dev.rationale.core.provider.ProviderException MALFORMED_REPLY for fields of the wrong JSON type or
     *     a logprob above 0
     */
    static List<ScoredToken> tokens(JsonNode logprobsResult) {
        JsonNode chosen = FIELDS.array(logprobsResult, "chosenCandidates");
        JsonNode top = FIELDS.array(logprobsResult, "topCandidates");
        List<ScoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            JsonNode token = FIELDS.element(chosen, "chosenCandidates", i);
            JsonNode step = top.has(i) ? FIELDS.element(top, "topCandidates", i) : MissingNode.getInstance();
            tokens.add(new ScoredToken(FIELDS.text(token, "token"), List.of(), logprob(token),
                    alternatives(FIELDS.array(step, "candidates"))));
        }
        return tokens;
    }

    private static List<TokenAlternative> alternatives(JsonNode candidates) {
        List<TokenAlternative> alternatives = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            JsonNode candidate = FIELDS.element(candidates, "topCandidates.candidates", i);
            alternatives.add(new TokenAlternative(FIELDS.text(candidate, "token"), logprob(candidate)));
        }
        // Sent most likely first today; sorting keeps the record's contract if that ever changes.
        alternatives.sort(MOST_LIKELY_FIRST);
        return alternatives;
    }

    // Proto3 JSON leaves out fields at their default, so a token of probability 1 arrives with no logProbability.
    private static @Nullable Double logprob(JsonNode token) {
        JsonNode value = token.path("logProbability");
        return value.isMissingNode() ? Double.valueOf(0.0) : LogprobCheck.logprob(value, "Gemini");
    }
}
