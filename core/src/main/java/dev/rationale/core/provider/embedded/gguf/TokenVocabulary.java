// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The checks on {@code tokenizer.ggml.tokens} and {@code tokenizer.ggml.token_type} that stand between a crafted
 * vocabulary and an abort in llama.cpp: two equal tokens (llama.cpp asserts that every token text is unique) and a
 * token typed as a byte whose text is not {@code <0xNN>} (llama.cpp cuts the hex digits out of it, and a text of
 * fewer than three bytes throws where nothing catches it). It reads both arrays as they stream past.
 */
final class TokenVocabulary {
    /** Far above any real vocabulary (about 260,000 tokens at most); bounds the memory the check takes. */
    static final int MAX_TOKENS = 1 << 22;
    /** Far above any real token; bounds the memory the check takes. */
    static final int MAX_TOKEN_BYTES = 1 << 16;
    private static final int BYTE_TOKEN = 6;

    private final BitSet byteForm = new BitSet();
    private final BitSet byteTyped = new BitSet();
    private String[] texts = new String[0];
    private int tokenCount = -1;
    private String typesLocation = "";
    private long typesStart;

    void readTokens(GgufInput in, long count) {
        if (count > MAX_TOKENS) {
            throw in.fail("lists " + count + " tokens; at most " + MAX_TOKENS + " are accepted");
        }
        tokenCount = (int) count;
        texts = new String[tokenCount];
        // Latin-1 keeps each byte as one char: equal texts are equal bytes, and the strings stay compact.
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            long length = in.stringLength();
            if (length > MAX_TOKEN_BYTES) {
                throw in.fail("has token " + i + " of " + length + " bytes; at most " + MAX_TOKEN_BYTES
                        + " are accepted");
            }
            String text = new String(in.bytes((int) length), StandardCharsets.ISO_8859_1);
            // llama.cpp renames an empty token this way before it checks that texts are unique.
            String name = text.isEmpty() ? "[EMPTY_" + i + "]" : text;
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw in.fail("lists tokens " + earlier + " and " + i + " with the same text "
                        + FileText.quoted(utf8(name)) + "; llama.cpp aborts on that");
            }
            texts[i] = name;
            byteForm.set(i, isByteForm(text));
        }
    }

    void readTokenTypes(GgufInput in, long count, int index, long start) {
        typesLocation = "metadata key " + index + " (tokenizer.ggml.token_type)";
        typesStart = start;
        for (long i = 0; i < count; i++) {
            if (in.i32() == BYTE_TOKEN && i < MAX_TOKENS) {
                byteTyped.set((int) i);
            }
        }
    }

    /** The checks that need both arrays; run once all metadata is read. */
    void check(GgufInput in) {
        if (tokenCount < 0) {
            return;
        }
        int bad = nextBad(0);
        if (bad >= 0) {
            throw in.fail(typesLocation, typesStart, "marks token " + bad + " " + FileText.quoted(utf8(texts[bad]))
                    + " as a byte, but a byte token is written <0xNN>");
        }
    }

    private int nextBad(int from) {
        for (int i = byteTyped.nextSetBit(from); i >= 0 && i < tokenCount; i = byteTyped.nextSetBit(i + 1)) {
            if (!byteForm.get(i)) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static boolean isByteForm(String text) {
        return text.length() == 6 && text.startsWith("<0x") && text.charAt(5) == '>'
                && Character.digit(text.charAt(3), 16) >= 0 && Character.digit(text.charAt(4), 16) >= 0;
    }
}
