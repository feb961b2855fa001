// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Checks a GGUF model file before llama.cpp reads it, so that a corrupt or crafted file is refused with one line
 * instead of aborting the process: the magic and version, the counts against the file's size, every metadata key
 * and value ({@link MetadataReader}), the vocabulary ({@link TokenVocabulary}), the hyper-parameters
 * ({@link HyperParameters}) and the tensor infos ({@link TensorInfoReader}). It reads the header once, front to
 * back, opens the file read-only and never holds more than the file's own header in memory (in practice far less:
 * long strings and arrays are skipped, not kept). The tensor data itself is not read. Thread-safe (no state).
 */
public final class GgufCheck {
    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian int
    // The smallest a metadata pair (key of one byte, type, one-byte value) and a tensor info (name of one byte,
    // one dimension, type, offset) can take: a count above the file's size divided by these cannot be true.
    private static final int SMALLEST_PAIR = 8 + 1 + 4 + 1;
    private static final int SMALLEST_TENSOR = 8 + 1 + 4 + 8 + 4 + 8;
    private static final long DEFAULT_ALIGNMENT = 32;
    // ggml's CPU backend asserts that a mapped tensor starts on a multiple of 32 bytes (TENSOR_ALIGNMENT).
    private static final long MIN_ALIGNMENT = 32;
    private static final long MAX_ALIGNMENT = 1L << 20;

    private GgufCheck() {
    }

    /**
     * Checks {@code file}.
     *
     * @throws GgufFormatException naming the file, the part at fault and its byte offset when the file is not one
     *     llama.cpp can safely load
     * @throws UncheckedIOException when the file cannot be read
     */
    public static void check(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            check(new GgufInput(channel, String.valueOf(file.getFileName())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(GgufInput in) {
        if (in.size() < 4 || in.i32() != MAGIC) {
            throw in.fail("does not start with GGUF: this is not a GGUF file");
        }
        long version = in.u32();
        if (version != 2 && version != 3) {
            throw in.fail("is version " + version + "; llama.cpp reads versions 2 and 3");
        }
        long tensors = count("tensor", (in.remaining() - 16) / SMALLEST_TENSOR, in);
        long pairs = count("metadata pair", (in.remaining() - 8) / SMALLEST_PAIR, in);
        TokenVocabulary vocabulary = new TokenVocabulary();
        Map<String, MetadataEntry> entries = new MetadataReader(in, vocabulary).read(pairs);
        vocabulary.check(in);
        HyperParameters.check(in, entries);
        TensorInfoReader tensorInfos = new TensorInfoReader(in, alignment(in, entries));
        tensorInfos.read(tensors);
        tensorInfos.checkData();
    }

    private static long count(String what, long most, GgufInput in) {
        long count = in.i64();
        if (count < 0 || count > Math.max(0, most)) {
            throw in.fail("gives " + Long.toUnsignedString(count) + " as the number of " + what + "s, more than a"
                    + " file of " + in.size() + " bytes can hold");
        }
        return count;
    }

    private static long alignment(GgufInput in, Map<String, MetadataEntry> entries) {
        MetadataEntry entry = entries.get("general.alignment");
        if (entry == null) {
            return DEFAULT_ALIGNMENT;
        }
        if (entry.type() != GgufType.UINT32 || !(entry.value() instanceof Long value)) {
            throw in.fail(entry.location(), entry.offset(), "must be an unsigned 32-bit integer");
        }
        if (value < MIN_ALIGNMENT || value > MAX_ALIGNMENT || Long.bitCount(value) != 1) {
            throw in.fail(entry.location(), entry.offset(), "is " + value + "; it must be a power of 2 from "
                    + MIN_ALIGNMENT + " to " + MAX_ALIGNMENT + " (ggml asserts that tensors start on 32 bytes)");
        }
        return value;
    }
}
