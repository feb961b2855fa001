// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file as strict UTF-8. Unlike {@link Files#readString(Path)}, a bad byte is reported with its place
 * ({@link NotUtf8Exception}), so a user can find it in a large file. Blocks on I/O; thread-safe.
 */
public final class Utf8Files {
    private Utf8Files() {
    }

    /**
     * The file's text.
     *
     * @throws NotUtf8Exception when the bytes are not UTF-8, naming the first bad byte's offset, line and column
     * @throws IOException when the file cannot be read
     */
    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /**
     * A reader of the file's text that fails with an {@link IOException} at the first bad byte, without saying
     * where: for reading a large file a piece at a time, with {@link #read} to word the problem when there is one.
     *
     * @throws IOException when the file cannot be opened
     */
    public static BufferedReader reader(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), strictDecoder()), 1 << 16);
    }

    /**
     * The text of {@code bytes}.
     *
     * @throws NotUtf8Exception when the bytes are not UTF-8
     */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = strictDecoder();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // Checked a piece at a time, then made into a string at once: decoding into a buffer of the whole text
        // held the bytes, that buffer (twice their size) and the string together, four times the file.
        CharBuffer piece = CharBuffer.allocate(8192);
        CoderResult result;
        do {
            piece.clear();
            result = decoder.decode(in, piece, true);
        } while (result.isOverflow());
        if (!result.isError()) {
            result = decoder.flush(piece.clear());
        }
        if (result.isError()) {
            throw NotUtf8Exception.at(bytes, in.position(), new String(bytes, 0, in.position(),
                    StandardCharsets.UTF_8));
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static CharsetDecoder strictDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
