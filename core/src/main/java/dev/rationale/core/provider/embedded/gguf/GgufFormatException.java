// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import dev.rationale.core.RationaleException;

/**
 * A model file is not a GGUF file llama.cpp can safely load. The message is one line: the file's name, where the
 * fault is ({@link #location()}, e.g. {@code metadata key 3} or {@code tensor 5 (blk.0.attn_q.weight)}), what is
 * wrong, and the byte offset where that part of the file starts ({@link #offset()}).
 */
public final class GgufFormatException extends RationaleException {
    private final String location;
    private final long offset;

    GgufFormatException(String fileName, String location, long offset, String problem) {
        super(fileName + ": " + location + " " + problem + " (byte " + offset + ")");
        this.location = location;
        this.offset = offset;
    }

    /** The part of the file at fault: {@code header}, {@code metadata key N (name)}, {@code tensor N (name)}. */
    public String location() {
        return location;
    }

    /** Where that part starts, in bytes from the start of the file. */
    public long offset() {
        return offset;
    }
}
