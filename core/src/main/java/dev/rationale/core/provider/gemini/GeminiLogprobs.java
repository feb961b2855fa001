// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a candidate's {@code logprobsResult} into scored tokens. {@code chosenCandidates[i]} and
 * {@code topCandidates[i]} describe step {@code i}; the chosen token may be missing from its step's top list,
 * and is then kept as chosen without being added to the alternatives. Gemini gives no token bytes.
 */
final class GeminiLogprobs {

    private static final Comparator<TokenAlternative> MOST_LIKELY_FIRST =
            Comparator.comparing(TokenAlternative::logprob, Comparator.nullsLast(Comparator.reverseOrder()));

    private GeminiLogprobs() {
    }

    /** The scored tokens of one result, in order; empty for a missing result. */
    static List<ScoredToken> tokens(JsonNode logprobsResult) {
        JsonNode chosen = logprobsResult.path("chosenCandidates");
        JsonNode top = logprobsResult.path("topCandidates");
        List<ScoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            JsonNode token = chosen.get(i);
            tokens.add(new ScoredToken(token.path("token").asText(""), List.of(), logprob(token),
                    alternatives(top.path(i).path("candidates"))));
        }
        return tokens;
    }

    private static List<TokenAlternative> alternatives(JsonNode candidates) {
        List<TokenAlternative> alternatives = new ArrayList<>();
        for (JsonNode candidate : candidates) {
            alternatives.add(new TokenAlternative(candidate.path("token").asText(""), logprob(candidate)));
        }
        // Sent most likely first today; sorting keeps the record's contract if that ever changes.
        alternatives.sort(MOST_LIKELY_FIRST);
        return alternatives;
    }

    // Proto3 JSON leaves out fields at their default, so a token of probability 1 arrives with no logProbability.
    private static Double logprob(JsonNode token) {
        return token.path("logProbability").asDouble(0.0);
    }
}
