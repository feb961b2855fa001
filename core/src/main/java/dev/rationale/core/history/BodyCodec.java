// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.history;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.jspecify.annotations.Nullable;

/**
 * Compresses packed completion bodies with raw Deflate and a preset dictionary: the packed body of the first
 * completion of the same cell (run, variant, target). Completions of one cell share their system prompt, settings
 * and the shape of their answers, so what is left to store is mostly what differs. A stored body is a mode byte
 * ({@code 0} stored as is, {@code 1} deflated), the packed length as a varint, then the bytes.
 *
 * <p>Not thread-safe: one codec per transaction or cursor. Close it to free zlib's native memory.
 */
final class BodyCodec implements AutoCloseable {
    /** Deflate looks back at most this far, so a longer dictionary would only cost space. */
    static final int DICTIONARY_LIMIT = 32 * 1024;
    private static final int STORED = 0;
    private static final int DEFLATED = 1;

    private @Nullable Deflater deflater;
    private @Nullable Inflater inflater;
    private byte[] buffer = new byte[1024];

    /** The dictionary to keep for a cell whose first completion packs to {@code packed}: its last 32 KB. */
    static byte[] dictionary(byte[] packed) {
        return packed.length <= DICTIONARY_LIMIT ? packed
                : Arrays.copyOfRange(packed, packed.length - DICTIONARY_LIMIT, packed.length);
    }

    byte[] compress(byte[] packed, byte[] dictionary) {
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        }
        deflater.reset();
        if (dictionary.length > 0) {
            deflater.setDictionary(dictionary);
        }
        deflater.setInput(packed);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(packed.length / 2 + 16);
        writeHeader(out, DEFLATED, packed.length);
        byte[] buffer = new byte[Math.max(64, packed.length)];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        if (out.size() < packed.length + 1) {
            return out.toByteArray();
        }
        ByteArrayOutputStream stored = new ByteArrayOutputStream(packed.length + 6);
        writeHeader(stored, STORED, packed.length);
        stored.writeBytes(packed);
        return stored.toByteArray();
    }

    byte[] decompress(byte[] body, byte[] dictionary) {
        int length = packedLength(body);
        byte[] packed = new byte[length];
        inflate(body, dictionary, packed, length);
        return packed;
    }

    /**
     * As {@link #decompress}, into a buffer this codec keeps for the next call (see {@link #buffer}): a cursor over
     * many rows then allocates nothing per body.
     *
     * @return the packed length, the bytes of {@link #buffer} that hold the body
     */
    int decompressIntoBuffer(byte[] body, byte[] dictionary) {
        int length = packedLength(body);
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        inflate(body, dictionary, buffer, length);
        return length;
    }

    /** The buffer {@link #decompressIntoBuffer} last filled; overwritten by its next call. */
    byte[] buffer() {
        return buffer;
    }

    private static int packedLength(byte[] body) {
        int[] at = {1};
        return readVarint(body, at);
    }

    private void inflate(byte[] body, byte[] dictionary, byte[] packed, int length) {
        int mode = body[0];
        int[] at = {1};
        readVarint(body, at);
        if (mode == STORED) {
            if (length > body.length - at[0]) {
                throw new HistoryException("the history holds a completion that is cut short");
            }
            System.arraycopy(body, at[0], packed, 0, length);
            return;
        }
        if (mode != DEFLATED) {
            throw new HistoryException("the history holds a completion compressed in an unknown way (" + mode + ")");
        }
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        inflater.reset();
        if (dictionary.length > 0) {
            inflater.setDictionary(dictionary);
        }
        inflater.setInput(body, at[0], body.length - at[0]);
        try {
            int filled = 0;
            while (filled < length) {
                int n = inflater.inflate(packed, filled, length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != length) {
                throw new HistoryException("the history holds a completion that is cut short");
            }
        } catch (DataFormatException e) {
            throw new HistoryException("the history holds a completion that cannot be decompressed: "
                    + e.getMessage(), e);
        }
    }

    private static void writeHeader(ByteArrayOutputStream out, int mode, int length) {
        out.write(mode);
        int rest = length;
        while ((rest & ~0x7F) != 0) {
            out.write(rest & 0x7F | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    private static int readVarint(byte[] bytes, int[] at) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            int b = bytes[at[0]++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    @Override
    public void close() {
        if (deflater != null) {
            deflater.end();
        }
        if (inflater != null) {
            inflater.end();
        }
    }
}
