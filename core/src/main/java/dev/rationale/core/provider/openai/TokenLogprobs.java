// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import dev.rationale.core.provider.LogprobCheck;
import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Utf8TokenJoiner;
import dev.rationale.core.provider.openai.ChatCompletionChunk.TokenLogprob;
import dev.rationale.core.provider.openai.ChatCompletionChunk.TopLogprob;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads chat-style token logprobs ({@code {token, logprob, bytes, top_logprobs}}, also what llama.cpp returns on
 * {@code /v1/completions}). Texts are rebuilt from the bytes when sent, since servers put U+FFFD or a cut string
 * in {@code token} for a partial UTF-8 character. Logprob values are read by {@link LogprobCheck}: placeholders
 * ({@code -9999} from OpenAI and vLLM for "outside the top 20", about {@code -3.4e38} from llama.cpp for zero)
 * become null, a value above 0 is malformed.
 */
final class TokenLogprobs {

    static final Comparator<TokenAlternative> MOST_LIKELY_FIRST = Comparator.comparing(
            TokenAlternative::logprob, Comparator.nullsLast(Comparator.reverseOrder()));

    private TokenLogprobs() {
    }

    /**
     * @param joiner the sample's joiner, carrying partial characters between chunks
     * @param k alternatives to keep per token, most likely first (servers may send more: llama.cpp defaults to 20)
     */
    static List<ScoredToken> read(List<TokenLogprob> entries, Utf8TokenJoiner joiner, int k, String provider) {
        List<ScoredToken> tokens = new ArrayList<>(entries.size());
        for (TokenLogprob entry : entries) {
            if (entry == null) {
                throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                        provider + ": a choice's logprobs.content has a null entry, expected an object");
            }
            List<Integer> bytes = bytes(entry.bytes(), provider);
            String text = joiner.next(bytes, entry.token() == null ? "" : entry.token());
            tokens.add(new ScoredToken(text, bytes, LogprobCheck.logprob(entry.logprob(), provider),
                    alternatives(entry.topLogprobs(), k, provider)));
        }
        return tokens;
    }

    static List<TokenAlternative> best(List<TokenAlternative> alternatives, int k) {
        List<TokenAlternative> sorted = new ArrayList<>(alternatives);
        sorted.sort(MOST_LIKELY_FIRST);
        return sorted.subList(0, Math.min(Math.max(k, 0), sorted.size()));
    }

    private static List<TokenAlternative> alternatives(@Nullable List<TopLogprob> top, int k, String provider) {
        if (top == null || k <= 0) {
            return List.of();
        }
        List<TokenAlternative> alternatives = new ArrayList<>(top.size());
        for (TopLogprob entry : top) {
            if (entry == null) {
                throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                        provider + ": a token's top_logprobs has a null entry, expected an object");
            }
            String text = Utf8TokenJoiner.textOf(bytes(entry.bytes(), provider),
                    entry.token() == null ? "" : entry.token());
            alternatives.add(new TokenAlternative(text, LogprobCheck.logprob(entry.logprob(), provider)));
        }
        return best(alternatives, k);
    }

    static List<Integer> bytes(@Nullable List<Integer> bytes, String provider) {
        if (bytes == null) {
            return List.of();
        }
        for (Integer b : bytes) {
            if (b == null || b < 0 || b > 255) {
                throw new ProviderException(ProviderException.Kind.MALFORMED_REPLY,
                        provider + ": token byte out of range 0..255: " + b);
            }
        }
        return bytes;
    }
}
