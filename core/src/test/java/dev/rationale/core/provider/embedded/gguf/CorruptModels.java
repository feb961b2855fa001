// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import dev.rationale.core.provider.embedded.GgufHeader;
import dev.rationale.core.provider.embedded.TestModels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Copies of the shared test model ({@code stories260K.gguf}), made at test time in a temporary folder and damaged
 * the way the reproducers of issue 20 were: a model file is never committed.
 */
public final class CorruptModels {
    public static final String NAME = "stories260K.gguf";
    public static final String RMS_EPSILON = "llama.attention.layer_norm_rms_epsilon";

    private CorruptModels() {
    }

    /** The shared model's bytes. */
    public static byte[] original() {
        try {
            return Files.readAllBytes(TestModels.folder().resolve(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An unchanged copy in {@code folder}. */
    public static Path copy(Path folder) {
        return write(folder, original());
    }

    /** A copy whose metadata key {@code index} is the empty string (the file otherwise well formed). */
    public static Path withEmptyKey(Path folder, int index) {
        return withMetadata(folder, metadata -> {
            metadata.set(index, metadata.get(index).withKey(""));
            return metadata;
        });
    }

    /** A copy with the 32-bit float {@code key} set to {@code value}, patched in place. */
    public static Path withFloat(Path folder, String key, float value) {
        byte[] bytes = original();
        int at = valueOffset(bytes, key);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, value);
        return write(folder, bytes);
    }

    /** A copy with its metadata list changed by {@code change}. */
    public static Path withMetadata(Path folder, UnaryOperator<List<GgufHeader.Entry>> change) {
        return write(folder, rewriteMetadata(change));
    }

    /** The model's bytes with its metadata list changed by {@code change}. */
    public static byte[] rewriteMetadata(UnaryOperator<List<GgufHeader.Entry>> change) {
        byte[] bytes = original();
        GgufHeader header = GgufHeader.read(bytes);
        return header.rewrite(bytes, change.apply(new ArrayList<>(header.metadata())));
    }

    /** Where the value of the pair {@code key} starts: after the key's length, the key and the type. */
    public static int valueOffset(byte[] file, String key) {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 8; i + name.length <= file.length; i++) {
            for (int j = 0; j < name.length; j++) {
                if (file[i + j] != name[j]) {
                    continue outer;
                }
            }
            if (ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getLong(i - 8) == name.length) {
                return i + name.length + 4;
            }
        }
        throw new IllegalArgumentException("no key " + key);
    }

    public static Path write(Path folder, byte[] bytes) {
        try {
            return Files.write(folder.resolve(NAME), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
