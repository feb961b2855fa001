// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.TokenBytesJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads Ollama's top-level {@code logprobs} array ({@code {token, logprob, bytes, top_logprobs}} per token) into
 * scored tokens. The values are log-softmax of the raw logits, i.e. before temperature, top-k and top-p.
 */
final class OllamaLogprobs {

    private static final Comparator<TokenAlternative> MOST_LIKELY_FIRST = Comparator.comparing(
            TokenAlternative::logprob, Comparator.nullsLast(Comparator.reverseOrder()));

    private OllamaLogprobs() {
    }

    /** The tokens of one line; empty when the line has none (logprobs not asked for, or a server before 0.12.11). */
    static List<ScoredToken> tokens(JsonNode logprobs) {
        List<ScoredToken> tokens = new ArrayList<>();
        for (JsonNode entry : logprobs) {
            tokens.add(new ScoredToken(entry.path("token").asText(""), bytes(entry.path("bytes")),
                    logprob(entry.get("logprob")), alternatives(entry.path("top_logprobs"))));
        }
        return tokens;
    }

    private static List<TokenAlternative> alternatives(JsonNode top) {
        List<TokenAlternative> alternatives = new ArrayList<>();
        for (JsonNode entry : top) {
            alternatives.add(new TokenAlternative(entry.path("token").asText(""), logprob(entry.get("logprob"))));
        }
        // Ollama sends them sorted; sorting again (stably) makes "most likely first" a guarantee, not a hope.
        alternatives.sort(MOST_LIKELY_FIRST);
        return alternatives;
    }

    private static @Nullable Double logprob(@Nullable JsonNode value) {
        return value != null && value.isNumber() && Double.isFinite(value.doubleValue()) ? value.doubleValue() : null;
    }

    // Kept exactly as sent: the text of a partial UTF-8 token is U+FFFD, and only these bytes can rebuild it.
    private static List<Integer> bytes(JsonNode bytes) {
        return TokenBytesJson.read(bytes, "Ollama");
    }

}
