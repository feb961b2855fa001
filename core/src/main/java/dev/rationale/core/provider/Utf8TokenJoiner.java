// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Gives each token of a stream its text from its exact bytes, where a token may end (or start) inside a UTF-8
 * character: byte-level tokenizers split emoji and CJK characters across tokens (byte-fallback tokens hold one byte
 * each), and servers then send U+FFFD or a truncated string as the token's text. The one joiner of token bytes, for
 * the HTTP backends ({@link #next}, {@link #join}) and the embedded engine ({@link #push}) alike.
 *
 * <p>The rule: a token's text is the characters its bytes <em>complete</em>. Bytes of an unfinished character are
 * carried to the next token, which gets the whole character. So for a character split over tokens A and B, A's
 * text lacks it (often A's text is empty) and B's text holds it; the tokens' texts joined equal the decoded bytes
 * joined, and each token's {@link ScoredToken#bytes()} stay exactly as sent. Bytes that can never form a character
 * decode to U+FFFD at once. A token without bytes (the backend did not send them) first turns any carried bytes
 * into U+FFFD, then uses the text the backend sent.
 *
 * <p>A character still unfinished when the sequence ends is cut: {@link #finish} gives it as U+FFFD, as a decoder
 * does, rather than dropping its bytes. The reader then sees that the text was cut there (a token limit inside an
 * emoji), and the joined text has a character for every byte sequence the model produced. Both the embedded engine
 * and every HTTP stream ({@code http.CutCharacterHold}, in {@code StreamingCall}) add it to the sample's last
 * token.
 *
 * <p>One instance per token sequence (per sample, and another for the prompt). Pure, not thread-safe.
 */
public final class Utf8TokenJoiner {

    private static final byte[] NONE = new byte[0];

    private byte[] carried = NONE;

    /**
     * The text one token adds.
     *
     * @param bytes the token's bytes, each 0..255, or empty when the backend did not send them
     * @param sentText the token's text as the backend sent it, used when there are no bytes
     */
    public String next(List<Integer> bytes, String sentText) {
        if (bytes.isEmpty()) {
            String flushed = carried.length > 0 ? "\uFFFD" : "";
            carried = NONE;
            return flushed + sentText;
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (int) bytes.get(i);
        }
        return push(raw);
    }

    /** The text one token's raw bytes add (the embedded engine's form of {@link #next}); possibly empty. */
    public String push(byte[] bytes) {
        byte[] all = Arrays.copyOf(carried, carried.length + bytes.length);
        System.arraycopy(bytes, 0, all, carried.length, bytes.length);
        int complete = completeLength(all);
        carried = Arrays.copyOfRange(all, complete, all.length);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Ends the sequence: the carried bytes of a cut character as U+FFFD, or "" when none are carried. */
    public String finish() {
        String rest = new String(carried, StandardCharsets.UTF_8);
        carried = NONE;
        return rest;
    }

    /** {@code token} with its text rebuilt by {@link #next}; bytes, logprob and alternatives unchanged. */
    public ScoredToken join(ScoredToken token) {
        return new ScoredToken(next(token.bytes(), token.text()), token.bytes(), token.logprob(), token.top());
    }

    /** Whether bytes of an unfinished character are waiting for the next token. */
    public boolean hasCarriedBytes() {
        return carried.length > 0;
    }

    /**
     * The text of a token standing alone (an alternative): its bytes when they are whole UTF-8, else the text the
     * backend sent (a lone partial character has no better rendering).
     */
    public static String textOf(List<Integer> bytes, String sentText) {
        if (bytes.isEmpty()) {
            return sentText;
        }
        byte[] raw = new byte[bytes.size()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (int) bytes.get(i);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return sentText;
        }
    }

    /** How many leading bytes end on a character boundary; the rest is an unfinished character. */
    public static int completeLength(byte[] bytes) {
        int n = bytes.length;
        for (int back = 1; back <= Math.min(4, n); back++) {
            int b = bytes[n - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue;
            }
            return sequenceLength(b) > back ? n - back : n;
        }
        return n;
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 1;
    }
}
