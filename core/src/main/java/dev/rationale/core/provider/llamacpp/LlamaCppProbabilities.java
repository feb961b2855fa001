// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenBytesJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code completion_probabilities} array in either shape the server has used:
 * <ul>
 *   <li>since Dec 2024 (PR #10783): {@code {id, token, bytes, logprob, top_logprobs: [{id, token, bytes,
 *       logprob}]}}, or {@code prob} / {@code top_probs} (0..1) when post-sampling values were asked for;</li>
 *   <li>before: {@code {content, probs: [{tok_str, prob}]}}, probabilities 0..1 and no bytes.</li>
 * </ul>
 * Probabilities become natural logs; a zero probability and the server's "impossible" placeholder (the most
 * negative float, about -3.4e38) become null. The chosen token need not be among its alternatives.
 */
final class LlamaCppProbabilities {

    /** Below any real log-probability of a float softmax (about -103 at the smallest float), above -FLT_MAX. */
    private static final double PLACEHOLDER_BELOW = -1e30;

    private static final Comparator<TokenAlternative> MOST_LIKELY_FIRST = Comparator.comparing(
            TokenAlternative::logprob, Comparator.nullsLast(Comparator.reverseOrder()));

    private LlamaCppProbabilities() {
    }

    /**
     * @param topLogprobs how many alternatives to keep per token, most likely first
     * @throws ProviderException MALFORMED_REPLY when token bytes are not an array of 0..255
     */
    static List<ScoredToken> tokens(JsonNode probabilities, int topLogprobs) {
        List<ScoredToken> tokens = new ArrayList<>();
        for (JsonNode entry : probabilities) {
            tokens.add(entry.has("probs") ? older(entry, topLogprobs) : newer(entry, topLogprobs));
        }
        return tokens;
    }

    private static ScoredToken newer(JsonNode entry, int topLogprobs) {
        List<TokenAlternative> top = new ArrayList<>();
        for (JsonNode alt : entry.has("top_logprobs") ? entry.path("top_logprobs") : entry.path("top_probs")) {
            top.add(new TokenAlternative(alt.path("token").asText(""), logprobOf(alt)));
        }
        return new ScoredToken(entry.path("token").asText(""), bytes(entry.path("bytes")), logprobOf(entry),
                best(top, topLogprobs));
    }

    // The old shape scores the chosen token only through its alternatives, so it is unknown when not among them.
    private static ScoredToken older(JsonNode entry, int topLogprobs) {
        String text = entry.path("content").asText("");
        Double chosen = null;
        List<TokenAlternative> top = new ArrayList<>();
        for (JsonNode alt : entry.path("probs")) {
            TokenAlternative alternative = new TokenAlternative(alt.path("tok_str").asText(""), ln(alt.get("prob")));
            if (chosen == null && alternative.text().equals(text)) {
                chosen = alternative.logprob();
            }
            top.add(alternative);
        }
        return new ScoredToken(text, List.of(), chosen, best(top, topLogprobs));
    }

    private static List<TokenAlternative> best(List<TokenAlternative> top, int topLogprobs) {
        top.sort(MOST_LIKELY_FIRST);
        return top.subList(0, Math.min(Math.max(topLogprobs, 0), top.size()));
    }

    private static @Nullable Double logprobOf(JsonNode entry) {
        return entry.has("logprob") ? log(entry.get("logprob")) : ln(entry.get("prob"));
    }

    private static @Nullable Double log(@Nullable JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        double logprob = value.doubleValue();
        return Double.isFinite(logprob) && logprob > PLACEHOLDER_BELOW ? logprob : null;
    }

    private static @Nullable Double ln(@Nullable JsonNode probability) {
        if (probability == null || !probability.isNumber() || !(probability.doubleValue() > 0)) {
            return null;
        }
        return Math.log(Math.min(probability.doubleValue(), 1.0));
    }

    // Kept exactly as sent: llama.cpp cuts a partial UTF-8 tail off "token", and only these bytes rebuild it.
    private static List<Integer> bytes(JsonNode bytes) {
        return TokenBytesJson.read(bytes, "llama.cpp");
    }

}
