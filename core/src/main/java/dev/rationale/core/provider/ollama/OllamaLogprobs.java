// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.LogprobCheck;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenBytesJson;
import dev.rationale.core.provider.http.WireFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads Ollama's top-level {@code logprobs} array ({@code {token, logprob, bytes, top_logprobs}} per token) into
 * scored tokens. The values are log-softmax of the raw logits, i.e. before temperature, top-k and top-p.
 */
final class OllamaLogprobs {

    private static final WireFields FIELDS = new WireFields("Ollama", "a line");

    private static final Comparator<TokenAlternative> MOST_LIKELY_FIRST = Comparator.comparing(
            TokenAlternative::logprob, Comparator.nullsLast(Comparator.reverseOrder()));

    private OllamaLogprobs() {
    }

    /** The tokens of one line; empty when the line has none (logprobs not asked for, or a server before 0.12.11). */
    static List<ScoredToken> tokens(JsonNode logprobs) {
        List<ScoredToken> tokens = new ArrayList<>();
        for (int i = 0; i < logprobs.size(); i++) {
            JsonNode entry = FIELDS.element(logprobs, "logprobs", i);
            tokens.add(new ScoredToken(FIELDS.text(entry, "token"), bytes(entry.path("bytes")),
                    LogprobCheck.logprob(entry.get("logprob"), "Ollama"),
                    alternatives(FIELDS.array(entry, "top_logprobs"))));
        }
        return tokens;
    }

    private static List<TokenAlternative> alternatives(JsonNode top) {
        List<TokenAlternative> alternatives = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            JsonNode entry = FIELDS.element(top, "logprobs.top_logprobs", i);
            alternatives.add(new TokenAlternative(FIELDS.text(entry, "token"),
                    LogprobCheck.logprob(entry.get("logprob"), "Ollama")));
        }
        // Ollama sends them sorted; sorting again (stably) makes "most likely first" a guarantee, not a hope.
        alternatives.sort(MOST_LIKELY_FIRST);
        return alternatives;
    }

    // Kept exactly as sent: the text of a partial UTF-8 token is U+FFFD, and only these bytes can rebuild it.
    private static List<Integer> bytes(JsonNode bytes) {
        return TokenBytesJson.read(bytes, "Ollama");
    }

}
