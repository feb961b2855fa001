// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;

/**
 * Reads a GGUF file front to back through a small buffer: little-endian numbers, byte strings of a length the caller
 * has checked, skips. It remembers which part of the file is being read ({@link #at}), so that any fault, its own
 * (the file ends early) or the caller's ({@link #fail}), names that part and where it starts.
 */
final class GgufInput {
    /** llama.cpp's own bound on a string and on an array ({@code GGUF_MAX_STRING_LENGTH}, {@code ..._ELEMENTS}). */
    static final long MAX_LENGTH = 1L << 30;
    private static final int BUFFER = 64 * 1024;

    private final SeekableByteChannel channel;
    private final String fileName;
    private final long size;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private long bufferStart;
    private String location = "header";
    private long locationStart;

    GgufInput(SeekableByteChannel channel, String fileName) throws IOException {
        this.channel = channel;
        this.fileName = fileName;
        this.size = channel.size();
        buffer.limit(0);
    }

    /** Names the part read from here on, e.g. {@code metadata key 3}; it starts at the current position. */
    void at(String part) {
        location = part;
        locationStart = position();
    }

    /** Renames the current part without moving its start, once its name is known. */
    void rename(String part) {
        location = part;
    }

    /** A fault in the current part; the caller throws it. */
    GgufFormatException fail(String problem) {
        return new GgufFormatException(fileName, location, locationStart, problem);
    }

    /** A fault in another part, found later (for instance when two keys disagree). */
    GgufFormatException fail(String part, long start, String problem) {
        return new GgufFormatException(fileName, part, start, problem);
    }

    long position() {
        return bufferStart + buffer.position();
    }

    long size() {
        return size;
    }

    long remaining() {
        return size - position();
    }

    int u8() {
        need(1);
        return buffer.get() & 0xFF;
    }

    int i32() {
        need(Integer.BYTES);
        return buffer.getInt();
    }

    long u32() {
        return Integer.toUnsignedLong(i32());
    }

    /** Eight bytes as a Java long: callers read it as unsigned where the format says so. */
    long i64() {
        need(Long.BYTES);
        return buffer.getLong();
    }

    float f32() {
        return Float.intBitsToFloat(i32());
    }

    double f64() {
        return Double.longBitsToDouble(i64());
    }

    /** A string's length prefix, checked against the file and llama.cpp's bound. */
    long stringLength() {
        long length = i64();
        if (length < 0 || length > MAX_LENGTH) {
            throw fail("has a string of " + Long.toUnsignedString(length) + " bytes; llama.cpp reads at most "
                    + MAX_LENGTH);
        }
        if (length > remaining()) {
            throw fail("is cut off: a string of " + length + " bytes runs past the end of the file at byte " + size);
        }
        return length;
    }

    /** The next {@code length} bytes; the caller has checked that the file holds them and that they are few. */
    byte[] bytes(int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            need(1);
            int chunk = Math.min(length - done, buffer.remaining());
            buffer.get(out, done, chunk);
            done += chunk;
        }
        return out;
    }

    /** Moves {@code count} bytes on, which the file must hold. */
    void skip(long count) {
        if (count > remaining()) {
            throw cutOff();
        }
        long target = position() + count;
        if (target <= bufferStart + buffer.limit()) {
            buffer.position((int) (target - bufferStart));
            return;
        }
        bufferStart = target;
        buffer.limit(0);
    }

    private void need(int count) {
        if (buffer.remaining() >= count) {
            return;
        }
        if (count > remaining()) {
            throw cutOff();
        }
        long start = position();
        buffer.compact(); // the unread bytes move to the front; the read goes on after them
        try {
            channel.position(start + buffer.position());
            while (buffer.position() < count) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
        bufferStart = start;
        if (buffer.remaining() < count) {
            throw cutOff();
        }
    }

    private GgufFormatException cutOff() {
        return fail("is cut off: the file ends at byte " + size);
    }
}
