// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.embedded.GgufHeader;
import dev.rationale.core.provider.embedded.gguf.CorruptModels;
import dev.rationale.core.provider.embedded.gguf.GgufCheck;
import dev.rationale.core.provider.embedded.gguf.GgufFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GGUF check over damaged copies of the shared model: random byte edits in the header (the tensor data after
 * it unchanged) and edits that know the format (a random type id, a huge count or length, NaN or negative floats
 * in float keys, empty or repeated keys, odd hyper-parameters). Each file is accepted or refused with our exception
 * naming a part of the file and a byte offset inside it; nothing else escapes, and the file is left as it was.
 * Accepted mutations are not loaded into llama.cpp: one that the check misses could abort the test JVM.
 */
class GgufHeaderFuzzTest {
    private static final Pattern LOCATION = Pattern.compile("header|(metadata key|tensor) \\d+( \\(.*\\))?");
    private static final byte[] ORIGINAL = CorruptModels.original();
    private static final int HEADER_END = (int) GgufHeader.read(ORIGINAL).dataOffset();

    @TempDir
    Path dir;

    @Test
    void aHeaderWithRandomByteEditsIsAcceptedOrRefusedWithALocation() {
        Fuzz.check("gguf header bytes", random -> {
            byte[] header = Mutations.mutate(Arrays.copyOf(ORIGINAL, HEADER_END), random, 8);
            ByteArrayOutputStream out = new ByteArrayOutputStream(ORIGINAL.length + 64);
            out.writeBytes(header);
            out.write(ORIGINAL, HEADER_END, ORIGINAL.length - HEADER_END);
            checkAcceptsOrLocates(CorruptModels.write(dir, out.toByteArray()));
        });
    }

    @Test
    void aHeaderWithFormatAwareEditsIsAcceptedOrRefusedWithALocation() {
        Fuzz.check("gguf header fields", random -> {
            List<GgufHeader.Entry> metadata = new ArrayList<>(GgufHeader.read(ORIGINAL).metadata());
            int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++) {
                int at = random.nextInt(metadata.size());
                metadata.set(at, HeaderEdits.edit(metadata.get(at), random));
            }
            if (random.nextInt(8) == 0) {
                metadata.add(metadata.get(random.nextInt(metadata.size())));
            }
            byte[] bytes = GgufHeader.read(ORIGINAL).rewrite(ORIGINAL, metadata);
            if (random.nextInt(8) == 0) {
                HeaderEdits.hugeCount(bytes, random);
            }
            checkAcceptsOrLocates(CorruptModels.write(dir, bytes));
        });
    }

    @Test
    void emptyKeysAndBadEpsilonsAreAlwaysRefused() {
        Fuzz.check("gguf known faults", 0.25, random -> {
            int key = random.nextInt(GgufHeader.read(ORIGINAL).metadata().size());
            assertThatThrownBy(() -> GgufCheck.check(CorruptModels.withEmptyKey(dir, key)))
                    .isInstanceOf(GgufFormatException.class)
                    .hasMessageStartingWith("stories260K.gguf: metadata key " + key + " is empty");
            float epsilon = HeaderEdits.badPositive(random);
            assertThatThrownBy(() -> GgufCheck.check(CorruptModels.withFloat(dir, CorruptModels.RMS_EPSILON,
                    epsilon))).isInstanceOf(GgufFormatException.class).hasMessageContaining(CorruptModels.RMS_EPSILON);
        });
    }

    @Test
    void checkingTimeGrowsLinearlyWithTheMetadata() {
        Scaling.assertLinear("gguf metadata pairs", 4000, this::withExtraKeys, file -> GgufCheck.check(file));
    }

    private Path withExtraKeys(int count) {
        List<GgufHeader.Entry> metadata = new ArrayList<>(GgufHeader.read(ORIGINAL).metadata());
        for (int i = 0; i < count; i++) {
            metadata.add(GgufHeader.Entry.string("fuzz.extra." + i, "value " + i));
        }
        Path folder = dir.resolve("scale-" + count);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CorruptModels.write(folder, GgufHeader.read(ORIGINAL).rewrite(ORIGINAL, metadata));
    }

    private static void checkAcceptsOrLocates(Path file) {
        FileFingerprint before = FileFingerprint.of(file);
        try {
            GgufCheck.check(file);
        } catch (GgufFormatException e) {
            assertThat(e.getMessage()).startsWith("stories260K.gguf: ").doesNotContain("\n");
            assertThat(e.location()).matches(LOCATION);
            assertThat(e.offset()).isBetween(0L, before.bytes().length - 1L);
        }
        assertThat(before.matches(file)).as("file unchanged").isTrue();
    }

    /** Edits that know the GGUF format, on one metadata pair or on the header's counts. */
    private static final class HeaderEdits {
        private static final long[] HUGE = {Long.MAX_VALUE, -1L, 1L << 32, 1L << 40, Integer.MAX_VALUE};

        static GgufHeader.Entry edit(GgufHeader.Entry entry, SplittableRandom random) {
            // An earlier edit may have cut the value short: each edit checks the bytes it rewrites are there.
            byte[] value = entry.value().clone();
            ByteBuffer buffer = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
            return switch (random.nextInt(6)) {
                case 0 -> new GgufHeader.Entry(entry.key(), random.nextInt(16) - 1, value);
                case 1 -> entry.withKey(random.nextBoolean() ? "" : entry.key() + "\u0000x");
                case 2 -> {
                    // A string's length or an array's element type and count lead the value.
                    if (value.length >= 12 && entry.type() == GgufHeader.TYPE_ARRAY) {
                        buffer.putInt(0, random.nextInt(14) - 1).putLong(4, HUGE[random.nextInt(HUGE.length)]);
                    } else if (value.length >= 8) {
                        buffer.putLong(0, HUGE[random.nextInt(HUGE.length)]);
                    }
                    yield new GgufHeader.Entry(entry.key(), entry.type(), value);
                }
                case 3 -> {
                    if (entry.type() == GgufHeader.TYPE_FLOAT32 && value.length >= 4) {
                        buffer.putFloat(0, badPositive(random));
                    }
                    yield new GgufHeader.Entry(entry.key(), entry.type(), value);
                }
                case 4 -> {
                    if (entry.type() == GgufHeader.TYPE_UINT32 && value.length >= 4) {
                        int[] odd = {0, -1, 1, 3, 513, 1025, random.nextInt()};
                        buffer.putInt(0, odd[random.nextInt(odd.length)]);
                    }
                    yield new GgufHeader.Entry(entry.key(), entry.type(), value);
                }
                default -> new GgufHeader.Entry(entry.key(), entry.type(),
                        Mutations.mutate(value, random, 3));
            };
        }

        /** Sets the tensor or metadata count of the header to a huge or negative number. */
        static void hugeCount(byte[] file, SplittableRandom random) {
            int at = random.nextBoolean() ? 8 : 16;
            ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putLong(at, HUGE[random.nextInt(HUGE.length)]);
        }

        /** A float that no epsilon may be: NaN, an infinity, zero or negative. */
        static float badPositive(SplittableRandom random) {
            float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, -1f, -1e-5f,
                Float.intBitsToFloat(0x7FC00001 | random.nextInt(0x3FFFFF))};
            return bad[random.nextInt(bad.length)];
        }
    }
}
