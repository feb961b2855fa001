// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the tensor infos of a GGUF file and checks each: a name of 1 to 63 bytes seen only once, one to four
 * dimensions each at least 1, a ggml type llama.cpp can load with rows that fill whole blocks, a size in bytes that
 * does not overflow, and a data offset where llama.cpp expects it (the tensors packed one after the other, each
 * padded to the alignment). Once the header ends, {@link #checkData} checks that every tensor's data lies inside
 * the file.
 */
final class TensorInfoReader {
    /** ggml keeps a name in 64 bytes with its NUL ({@code GGML_MAX_NAME}). */
    private static final int MAX_NAME_BYTES = 63;
    private static final int MAX_DIMS = 4;

    private final GgufInput in;
    private final long alignment;
    private final Set<String> names = new HashSet<>();
    private long dataBytes;
    private String lastLocation = "";
    private long lastStart;
    private long lastEnd;

    TensorInfoReader(GgufInput in, long alignment) {
        this.in = in;
        this.alignment = alignment;
    }

    void read(long count) {
        for (int i = 0; i < count; i++) {
            readOne(i);
        }
    }

    /** Checks that the data section, which starts at the next multiple of the alignment, holds every tensor. */
    void checkData() {
        long headerEnd = in.position();
        long dataStart = (headerEnd + alignment - 1) / alignment * alignment;
        if (dataBytes > 0 && lastEnd > in.size() - dataStart) {
            throw in.fail(lastLocation, lastStart, "needs " + lastEnd + " bytes of data from byte " + dataStart
                    + ", past the end of the file (" + in.size() + " bytes)");
        }
    }

    private void readOne(int index) {
        in.at("tensor " + index);
        long start = in.position();
        String name = name();
        in.rename("tensor " + index + " (" + FileText.escaped(name) + ")");
        long elements = 1;
        long rowLength = 0;
        long dims = in.u32();
        if (dims < 1 || dims > MAX_DIMS) {
            throw in.fail("has " + dims + " dimensions; ggml allows 1 to " + MAX_DIMS);
        }
        for (int d = 0; d < dims; d++) {
            long length = in.i64();
            if (length < 1) {
                throw in.fail("has dimension " + d + " of " + Long.toUnsignedString(length)
                        + "; each must be at least 1");
            }
            rowLength = d == 0 ? length : rowLength;
            elements = multiply(elements, length, "elements");
        }
        long typeId = in.u32();
        GgmlType type = GgmlType.of(typeId).orElseThrow(() -> in.fail("has the unknown ggml type " + typeId));
        if (rowLength % type.blockSize() != 0) {
            throw in.fail("has rows of " + rowLength + " elements, not a multiple of the " + type.blockSize()
                    + " its type " + typeId + " packs in a block");
        }
        long bytes = multiply(elements / type.blockSize(), type.blockBytes(), "bytes");
        long offset = in.i64();
        if (offset != dataBytes) {
            throw in.fail("starts at byte " + Long.toUnsignedString(offset) + " of the data; llama.cpp expects "
                    + dataBytes + " (tensors packed in order, each padded to " + alignment + " bytes)");
        }
        long padded = multiply((bytes + alignment - 1) / alignment, alignment, "padded bytes");
        if (padded > Long.MAX_VALUE - dataBytes) {
            throw in.fail("takes the data section past what a 64-bit offset holds");
        }
        dataBytes += padded;
        lastLocation = "tensor " + index + " (" + FileText.escaped(name) + ")";
        lastStart = start;
        lastEnd = offset + bytes;
    }

    private String name() {
        long length = in.stringLength();
        if (length < 1 || length > MAX_NAME_BYTES) {
            throw in.fail("has a name of " + length + " bytes; ggml takes 1 to " + MAX_NAME_BYTES);
        }
        String name = new String(in.bytes((int) length), StandardCharsets.UTF_8);
        if (name.indexOf('\0') >= 0) {
            throw in.fail("has a NUL byte in its name");
        }
        if (!names.add(name)) {
            throw in.fail("has the name " + FileText.quoted(name) + ", which an earlier tensor has");
        }
        return name;
    }

    private long multiply(long a, long b, String what) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw in.fail("has more " + what + " than a 64-bit count holds");
        }
    }
}
