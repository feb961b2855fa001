// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.llamacpp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.LogprobCheck;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenBytesJson;
import dev.rationale.core.provider.http.WireFields;
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
 * negative float, about -3.4e38) become null ({@link LogprobCheck}); a value that is no probability is
 * malformed. The chosen token need not be among its alternatives.
 */
final class LlamaCppProbabilities {

    private static final String BACKEND = "llama.cpp";
    private static final WireFields FIELDS = new WireFields(BACKEND, "an event");

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
        for (int i = 0; i < probabilities.size(); i++) {
            JsonNode entry = FIELDS.element(probabilities, "completion_probabilities", i);
            tokens.add(entry.has("probs") ? older(entry, topLogprobs) : newer(entry, topLogprobs));
        }
        return tokens;
    }

    private static ScoredToken newer(JsonNode entry, int topLogprobs) {
        List<TokenAlternative> top = new ArrayList<>();
        String field = entry.has("top_logprobs") ? "top_logprobs" : "top_probs";
        JsonNode alternatives = FIELDS.array(entry, field);
        for (int i = 0; i < alternatives.size(); i++) {
            JsonNode alt = FIELDS.element(alternatives, "completion_probabilities entry's " + field, i);
            top.add(new TokenAlternative(FIELDS.text(alt, "token"), logprobOf(alt)));
        }
        return new ScoredToken(FIELDS.text(entry, "token"), bytes(entry.path("bytes")), logprobOf(entry),
                best(top, topLogprobs));
    }

    // The old shape scores the chosen token only through its alternatives, so it is unknown when not among them.
    private static ScoredToken older(JsonNode entry, int topLogprobs) {
        String text = FIELDS.text(entry, "content");
        Double chosen = null;
        List<TokenAlternative> top = new ArrayList<>();
        JsonNode probs = FIELDS.array(entry, "probs");
        for (int i = 0; i < probs.size(); i++) {
            JsonNode alt = FIELDS.element(probs, "completion_probabilities entry's probs", i);
            TokenAlternative alternative = new TokenAlternative(FIELDS.text(alt, "tok_str"),
                    LogprobCheck.ofProbability(alt.get("prob"), BACKEND));
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
        return entry.has("logprob") ? LogprobCheck.logprob(entry.get("logprob"), BACKEND)
                : LogprobCheck.ofProbability(entry.get("prob"), BACKEND);
    }

    // Kept exactly as sent: llama.cpp cuts a partial UTF-8 tail off "token", and only these bytes rebuild it.
    private static List<Integer> bytes(JsonNode bytes) {
        return TokenBytesJson.read(bytes, BACKEND);
    }

}
