// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The header of a GGUF v3 file, read to write a copy with other metadata, for tests that need a model with
 * metadata the shipped file lacks (a chat template) or a corrupt one (the model-file check and its fuzz property).
 * The layout, little-endian: magic {@code GGUF}, version, tensor count, metadata count, the key/value pairs, the
 * tensor infos, padding to {@code general.alignment} (32 by default), then the tensor data, whose offsets count
 * from its start, so it is copied unchanged.
 */
public final class GgufHeader {
    static final int MAGIC = 0x46554747;
    static final int DEFAULT_ALIGNMENT = 32;

    public static final int TYPE_UINT32 = 4;
    public static final int TYPE_FLOAT32 = 6;
    public static final int TYPE_STRING = 8;
    public static final int TYPE_ARRAY = 9;
    private static final int TYPE_UINT64 = 10;
    /** Sizes of the fixed-size value types by type id; 0 where the type is not fixed-size. */
    private static final int[] SIZES = {1, 1, 2, 2, 4, 4, 4, 1, 0, 0, 8, 8, 8};

    /** One metadata pair: its key, value type and the value's bytes as the file holds them. */
    public record Entry(String key, int type, byte[] value) {
        /** A string pair. */
        public static Entry string(String key, String value) {
            return new Entry(key, TYPE_STRING, stringBytes(value));
        }

        /** An unsigned 32-bit pair. */
        public static Entry uint32(String key, int value) {
            return new Entry(key, TYPE_UINT32, little(4).putInt(value).array());
        }

        /** This pair under another key. */
        public Entry withKey(String newKey) {
            return new Entry(newKey, type, value);
        }
    }

    private final int version;
    private final long tensorCount;
    private final List<Entry> metadata;
    private final byte[] tensorInfos;
    private final long dataOffset;

    private GgufHeader(int version, long tensorCount, List<Entry> metadata, byte[] tensorInfos, long dataOffset) {
        this.version = version;
        this.tensorCount = tensorCount;
        this.metadata = List.copyOf(metadata);
        this.tensorInfos = tensorInfos;
        this.dataOffset = dataOffset;
    }

    /** Reads the header of {@code file}, the whole file's bytes. */
    public static GgufHeader read(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a GGUF file");
        }
        int version = in.getInt();
        if (version != 3) {
            throw new IllegalArgumentException("GGUF version " + version + ", not 3");
        }
        long tensorCount = in.getLong();
        long metadataCount = in.getLong();
        List<Entry> metadata = new ArrayList<>();
        for (long i = 0; i < metadataCount; i++) {
            String key = string(in);
            int type = in.getInt();
            int start = in.position();
            skipValue(in, type);
            metadata.add(new Entry(key, type, Arrays.copyOfRange(file, start, in.position())));
        }
        int infosStart = in.position();
        for (long i = 0; i < tensorCount; i++) {
            string(in);
            int dimensions = in.getInt();
            in.position(in.position() + 8 * dimensions + 4 + 8);
        }
        byte[] tensorInfos = Arrays.copyOfRange(file, infosStart, in.position());
        long dataOffset = aligned(in.position(), alignment(metadata));
        return new GgufHeader(version, tensorCount, metadata, tensorInfos, dataOffset);
    }

    /**
     * Writes to {@code target} a copy of {@code source} with the string {@code key} = {@code value} added after
     * the other metadata, the tensor data re-aligned and otherwise unchanged.
     *
     * @throws IllegalArgumentException when the file already has {@code key}
     */
    static void copyWithString(Path source, Path target, String key, String value) throws IOException {
        byte[] file = Files.readAllBytes(source);
        GgufHeader header = read(file);
        if (header.metadata.stream().anyMatch(e -> e.key().equals(key))) {
            throw new IllegalArgumentException(source.getFileName() + " already has " + key);
        }
        List<Entry> metadata = new ArrayList<>(header.metadata);
        metadata.add(Entry.string(key, value));
        Files.write(target, header.rewrite(file, metadata));
    }

    /**
     * The bytes of {@code file} (whose header this is) with {@code metadata} in place of its own: the tensor infos
     * and data unchanged, the data re-aligned.
     */
    public byte[] rewrite(byte[] file, List<Entry> metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 4096);
        out.writeBytes(little(24).putInt(MAGIC).putInt(version).putLong(tensorCount)
                .putLong(metadata.size()).array());
        for (Entry entry : metadata) {
            out.writeBytes(stringBytes(entry.key()));
            out.writeBytes(little(4).putInt(entry.type()).array());
            out.writeBytes(entry.value());
        }
        out.writeBytes(tensorInfos);
        long padding = aligned(out.size(), alignment(metadata)) - out.size();
        out.writeBytes(new byte[(int) padding]);
        out.write(file, (int) dataOffset, file.length - (int) dataOffset);
        return out.toByteArray();
    }

    public List<Entry> metadata() {
        return metadata;
    }

    long tensorCount() {
        return tensorCount;
    }

    byte[] tensorInfos() {
        return tensorInfos.clone();
    }

    /** Where the tensor data starts in the file. */
    public long dataOffset() {
        return dataOffset;
    }

    /** The text of a string entry. */
    static String text(Entry entry) {
        if (entry.type() != TYPE_STRING) {
            throw new IllegalArgumentException(entry.key() + " is not a string");
        }
        return string(ByteBuffer.wrap(entry.value()).order(ByteOrder.LITTLE_ENDIAN));
    }

    private static long alignment(List<Entry> metadata) {
        for (Entry entry : metadata) {
            if (entry.key().equals("general.alignment")) {
                ByteBuffer value = ByteBuffer.wrap(entry.value()).order(ByteOrder.LITTLE_ENDIAN);
                long alignment = switch (entry.type()) {
                    case TYPE_UINT32 -> value.remaining() >= 4 ? Integer.toUnsignedLong(value.getInt()) : 0;
                    case TYPE_UINT64 -> value.remaining() >= 8 ? value.getLong() : 0;
                    default -> 0;
                };
                // A copy with a broken alignment (for the check to refuse) is still padded to the default.
                return alignment > 0 && alignment <= 1 << 20 && Long.bitCount(alignment) == 1 ? alignment
                        : DEFAULT_ALIGNMENT;
            }
        }
        return DEFAULT_ALIGNMENT;
    }

    private static long aligned(long offset, long alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static void skipValue(ByteBuffer in, int type) {
        if (type == TYPE_STRING) {
            string(in);
        } else if (type == TYPE_ARRAY) {
            int elementType = in.getInt();
            long count = in.getLong();
            if (elementType != TYPE_STRING && elementType != TYPE_ARRAY) {
                in.position(Math.toIntExact(in.position() + count * size(elementType)));
                return;
            }
            for (long i = 0; i < count; i++) {
                skipValue(in, elementType);
            }
        } else {
            in.position(in.position() + size(type));
        }
    }

    private static int size(int type) {
        if (type < 0 || type >= SIZES.length || SIZES[type] == 0) {
            throw new IllegalArgumentException("GGUF value type " + type + " has no fixed size");
        }
        return SIZES[type];
    }

    private static String string(ByteBuffer in) {
        int length = Math.toIntExact(in.getLong());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] stringBytes(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return little(8 + utf8.length).putLong(utf8.length).put(utf8).array();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
