// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import dev.rationale.core.provider.Utf8TokenJoiner;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of consecutive tokens into text. A token may hold part of a UTF-8 character (byte-fallback
 * tokens hold one byte each), so bytes wait here until their character is complete; only then do they become
 * text. Bytes that can never form a character become U+FFFD at once. One instance per token stream, one thread.
 */
final class Utf8Assembler {
    private final ByteArrayOutputStream waiting = new ByteArrayOutputStream();

    /** Adds one token's bytes; returns the text they complete, possibly empty. */
    String push(byte[] bytes) {
        waiting.writeBytes(bytes);
        byte[] all = waiting.toByteArray();
        int complete = all.length - incompleteTail(all);
        waiting.reset();
        waiting.write(all, complete, all.length - complete);
        return new String(all, 0, complete, StandardCharsets.UTF_8);
    }

    /** Whether bytes are waiting for the rest of their character. */
    boolean pending() {
        return waiting.size() > 0;
    }

    /** Ends the stream: returns the waiting bytes as text (U+FFFD for an unfinished character). */
    String finish() {
        String rest = waiting.toString(StandardCharsets.UTF_8);
        waiting.reset();
        return rest;
    }

    /** How many bytes at the end start a character that more bytes could still complete. */
    static int incompleteTail(byte[] bytes) {
        return bytes.length - Utf8TokenJoiner.completeLength(bytes);
    }
}
