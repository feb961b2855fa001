// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.provider.ScoredToken;
import dev.rationale.core.provider.TokenAlternative;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Scored tokens as schema 4 stored them, read once more by migration 5 (which packs them, see
 * {@link CompletionBody}); tests write it to build a database as that release left it. A compact JSON form: each
 * token is an array {@code [text, logprob, [[alternative, logprob], ...], bytes]} with no field names.
 * {@code bytes} is {@code 0} when the backend sent none, {@code 1} when they are the text's UTF-8 (the common case,
 * not worth repeating), else the raw bytes in Base64 (a token holding part of a character).
 */
final class TokensJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();
    private static final int NO_BYTES = 0;
    private static final int TEXT_BYTES = 1;

    private TokensJson() {
    }

    static String write(List<ScoredToken> tokens) {
        StringWriter out = new StringWriter(tokens.size() * 24 + 2);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartArray();
            for (ScoredToken token : tokens) {
                writeToken(json, token);
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeToken(JsonGenerator json, ScoredToken token) throws IOException {
        json.writeStartArray();
        json.writeString(token.text());
        writeLogprob(json, token.logprob());
        json.writeStartArray();
        for (TokenAlternative alternative : token.top()) {
            json.writeStartArray();
            json.writeString(alternative.text());
            writeLogprob(json, alternative.logprob());
            json.writeEndArray();
        }
        json.writeEndArray();
        writeBytes(json, token);
        json.writeEndArray();
    }

    private static void writeLogprob(JsonGenerator json, @Nullable Double logprob) throws IOException {
        if (logprob == null) {
            json.writeNull();
        } else {
            json.writeNumber(logprob);
        }
    }

    private static void writeBytes(JsonGenerator json, ScoredToken token) throws IOException {
        if (token.bytes().isEmpty()) {
            json.writeNumber(NO_BYTES);
            return;
        }
        byte[] raw = toArray(token.bytes());
        if (Arrays.equals(raw, token.text().getBytes(StandardCharsets.UTF_8))) {
            json.writeNumber(TEXT_BYTES);
        } else {
            json.writeString(Base64.getEncoder().encodeToString(raw));
        }
    }

    static List<ScoredToken> read(String text) {
        JsonNode array;
        try {
            array = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HistoryException("the history holds tokens that cannot be read: " + e.getOriginalMessage(), e);
        }
        List<ScoredToken> tokens = new ArrayList<>(array.size());
        for (JsonNode token : array) {
            List<TokenAlternative> top = new ArrayList<>(token.get(2).size());
            for (JsonNode alternative : token.get(2)) {
                top.add(new TokenAlternative(alternative.get(0).asText(), logprob(alternative.get(1))));
            }
            String tokenText = token.get(0).asText();
            tokens.add(new ScoredToken(tokenText, bytes(token.get(3), tokenText), logprob(token.get(1)), top));
        }
        return tokens;
    }

    private static @Nullable Double logprob(JsonNode node) {
        return node.isNull() ? null : node.doubleValue();
    }

    private static List<Integer> bytes(JsonNode node, String text) {
        if (node.isNumber()) {
            return node.intValue() == NO_BYTES ? List.of() : fromArray(text.getBytes(StandardCharsets.UTF_8));
        }
        return fromArray(Base64.getDecoder().decode(node.asText()));
    }

    private static byte[] toArray(List<Integer> values) {
        byte[] raw = new byte[values.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (int) values.get(i);
        }
        return raw;
    }

    private static List<Integer> fromArray(byte[] raw) {
        List<Integer> values = new ArrayList<>(raw.length);
        for (byte b : raw) {
            values.add(b & 0xFF);
        }
        return values;
    }
}
