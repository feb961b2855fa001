// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.core.provider.LogprobCheck;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import dev.rationale.core.provider.Utf8TokenJoiner;
import dev.rationale.core.provider.http.MalformedReply;
import dev.rationale.core.provider.http.WireFields;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the legacy completions logprobs: parallel arrays {@code tokens}, {@code token_logprobs},
 * {@code top_logprobs} and {@code text_offset}. The alternatives are a dict keyed by token text, so their order
 * means nothing (they are sorted here) and the sampled token may have been added as entry k+1 (cut here, as the
 * chat protocol would). OpenAI writes a token that is part of a UTF-8 character as {@code bytes:\xe2\x80}; such
 * tokens get their real bytes, so that {@link Utf8TokenJoiner} can rebuild the character.
 */
final class LegacyLogprobs {

    private static final String BYTES_PREFIX = "bytes:";

    /**
     * One token as sent: its text not yet joined (the caller decides which joiner, prompt or completion, applies).
     *
     * @param offset characters from the start of the prompt (code points), or null when not sent
     */
    record Entry(ScoredToken token, @Nullable Integer offset) {
    }

    private LegacyLogprobs() {
    }

    /**
     * @param k alternatives to keep per token
     * @throws dev.rationale.core.provider.ProviderException MALFORMED_REPLY for arrays, tokens or values of the
     *     wrong type
     */
    static List<Entry> read(JsonNode logprobs, int k, String provider) {
        WireFields fields = new WireFields(provider, "a choice's logprobs");
        JsonNode tokens = fields.array(logprobs, "tokens");
        JsonNode values = fields.array(logprobs, "token_logprobs");
        JsonNode tops = fields.array(logprobs, "top_logprobs");
        JsonNode offsets = fields.array(logprobs, "text_offset");
        List<Entry> entries = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode sentNode = tokens.get(i);
            if (!sentNode.isTextual() && !sentNode.isNull()) {
                throw MalformedReply.wrongType(provider, "a choice's logprobs.tokens[" + i + "]", sentNode, "text");
            }
            String sent = sentNode.asText("");
            List<Integer> bytes = bytesOf(sent);
            ScoredToken token = new ScoredToken(sent, bytes, LogprobCheck.logprob(values.get(i), provider),
                    alternatives(tops.get(i), k, provider));
            JsonNode offset = offsets.get(i);
            entries.add(new Entry(token, offset != null && offset.canConvertToInt() ? offset.intValue() : null));
        }
        return entries;
    }

    private static List<TokenAlternative> alternatives(@Nullable JsonNode top, int k, String provider) {
        if (top != null && !top.isObject() && !top.isNull()) {
            throw MalformedReply.wrongType(provider, "a choice's logprobs.top_logprobs entry", top, "an object");
        }
        if (top == null || !top.isObject() || k <= 0) {
            return List.of();
        }
        List<TokenAlternative> alternatives = new ArrayList<>(top.size());
        for (Map.Entry<String, JsonNode> entry : top.properties()) {
            List<Integer> bytes = bytesOf(entry.getKey());
            // A partial character alone has no text; show the replacement character, as chat servers do.
            String text = Utf8TokenJoiner.textOf(bytes, bytes.isEmpty() ? entry.getKey() : "\uFFFD");
            alternatives.add(new TokenAlternative(text, LogprobCheck.logprob(entry.getValue(), provider)));
        }
        return TokenLogprobs.best(alternatives, k);
    }

    /** The bytes of a {@code bytes:\xNN...} token; empty for an ordinary one (the backend gave no bytes). */
    static List<Integer> bytesOf(String token) {
        if (!token.startsWith(BYTES_PREFIX)) {
            return List.of();
        }
        String escapes = token.substring(BYTES_PREFIX.length());
        if (escapes.isEmpty() || escapes.length() % 4 != 0) {
            return List.of();
        }
        List<Integer> bytes = new ArrayList<>(escapes.length() / 4);
        for (int i = 0; i < escapes.length(); i += 4) {
            if (escapes.charAt(i) != '\\' || escapes.charAt(i + 1) != 'x'
                    || !HexFormat.isHexDigit(escapes.charAt(i + 2)) || !HexFormat.isHexDigit(escapes.charAt(i + 3))) {
                return List.of();
            }
            bytes.add(HexFormat.fromHexDigits(escapes, i + 2, i + 4));
        }
        return bytes;
    }
}
