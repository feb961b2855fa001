// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded.gguf;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.embedded.GgufHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufCheckTest {
    @TempDir
    Path dir;

    @Test
    void theSharedModelPasses() {
        assertThatCode(() -> GgufCheck.check(CorruptModels.copy(dir))).doesNotThrowAnyException();
    }

    @Test
    void anEmptyMetadataKeyIsOneLineNamingItsIndex() {
        Path file = CorruptModels.withEmptyKey(dir, 3);

        assertThatThrownBy(() -> GgufCheck.check(file)).isInstanceOf(GgufFormatException.class)
                .hasMessage("stories260K.gguf: metadata key 3 is empty (byte 145)");
    }

    @Test
    void aNanRmsEpsilonIsRefused() {
        Path file = CorruptModels.withFloat(dir, CorruptModels.RMS_EPSILON, Float.NaN);

        assertThatThrownBy(() -> GgufCheck.check(file)).isInstanceOf(GgufFormatException.class)
                .hasMessage("stories260K.gguf: metadata key 15 (llama.attention.layer_norm_rms_epsilon) is NaN;"
                        + " it must be a finite number above 0 (byte 694)");
    }

    @Test
    void aNegativeRmsEpsilonIsRefused() {
        Path file = CorruptModels.withFloat(dir, CorruptModels.RMS_EPSILON, -1f);

        assertThatThrownBy(() -> GgufCheck.check(file)).isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("metadata key 15 (llama.attention.layer_norm_rms_epsilon) is -1.0;");
    }

    @Test
    void twoEqualTokensAreRefusedBecauseLlamaCppAssertsTheyDiffer() {
        Path file = CorruptModels.withMetadata(dir, metadata -> {
            int at = indexOf(metadata, "tokenizer.ggml.tokens");
            metadata.set(at, new GgufHeader.Entry("tokenizer.ggml.tokens", GgufHeader.TYPE_ARRAY,
                    stringArray("a", "b", "a")));
            return metadata;
        });

        assertThatThrownBy(() -> GgufCheck.check(file)).isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("metadata key 17 (tokenizer.ggml.tokens) lists tokens 0 and 2 with the"
                        + " same text \"a\"");
    }

    @Test
    void anUnknownRopeScalingTypeIsRefused() {
        Path file = CorruptModels.withMetadata(dir, metadata -> {
            metadata.add(GgufHeader.Entry.string("llama.rope.scaling.type", "wobbly"));
            return metadata;
        });

        assertThatThrownBy(() -> GgufCheck.check(file)).hasMessageContaining("(llama.rope.scaling.type) is"
                + " \"wobbly\"; llama.cpp knows linear, longrope, none, yarn");
    }

    @Test
    void aBlockCountAboveLlamaCppsLimitIsRefused() {
        Path file = CorruptModels.withMetadata(dir, metadata -> {
            metadata.set(9, GgufHeader.Entry.uint32("llama.block_count", 513));
            return metadata;
        });

        assertThatThrownBy(() -> GgufCheck.check(file))
                .hasMessageContaining("metadata key 9 (llama.block_count) is 513; llama.cpp takes 1 to 512");
    }

    @Test
    void keyValueHeadsThatDoNotDivideTheQueryHeadsAreRefused() {
        Path file = CorruptModels.withMetadata(dir, metadata -> {
            metadata.set(12, GgufHeader.Entry.uint32("llama.attention.head_count_kv", 3));
            return metadata;
        });

        assertThatThrownBy(() -> GgufCheck.check(file)).hasMessageContaining("(llama.attention.head_count_kv)"
                + " gives 3 key/value heads for 8 query heads");
    }

    @Test
    void anAlignmentBelowThe32BytesGgmlAssertsIsRefused() {
        // Found by loading accepted mutations in child JVMs: alignment 2 aborted in ggml-backend.cpp.
        Path file = CorruptModels.withMetadata(dir, metadata -> {
            metadata.set(5, GgufHeader.Entry.uint32("general.alignment", 2));
            return metadata;
        });

        assertThatThrownBy(() -> GgufCheck.check(file)).hasMessageContaining("metadata key 5 (general.alignment) is"
                + " 2; it must be a power of 2 from 32 to 1048576");
    }

    @Test
    void aHugeMetadataCountIsRefusedBeforeAnythingIsRead() {
        byte[] bytes = CorruptModels.original();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(16, Long.MAX_VALUE);

        assertThatThrownBy(() -> GgufCheck.check(CorruptModels.write(dir, bytes)))
                .hasMessageStartingWith("stories260K.gguf: header gives 9223372036854775807 as the number of"
                        + " metadata pairs, more than a file of 1054528 bytes can hold");
    }

    @Test
    void aTruncatedFileNamesWhereItIsCutOff() {
        byte[] bytes = Arrays.copyOf(CorruptModels.original(), 5000);

        assertThatThrownBy(() -> GgufCheck.check(CorruptModels.write(dir, bytes)))
                .hasMessageContaining("metadata key 17 (tokenizer.ggml.tokens) is cut off: a string of")
                .hasMessageContaining("runs past the end of the file at byte 5000");
    }

    @Test
    void tensorDataPastTheEndOfTheFileIsRefused() {
        byte[] bytes = Arrays.copyOf(CorruptModels.original(), 1_000_000);

        assertThatThrownBy(() -> GgufCheck.check(CorruptModels.write(dir, bytes)))
                .hasMessageContaining("tensor 46 (output_norm.weight) needs");
    }

    @Test
    void aFileThatIsNotGgufSaysSo() {
        Path file = CorruptModels.write(dir, "not a model".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> GgufCheck.check(file))
                .hasMessage("stories260K.gguf: header does not start with GGUF: this is not a GGUF file (byte 0)");
    }

    private static int indexOf(List<GgufHeader.Entry> metadata, String key) {
        for (int i = 0; i < metadata.size(); i++) {
            if (metadata.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException(key);
    }

    static byte[] stringArray(String... texts) {
        int size = 12;
        for (String text : texts) {
            size += 8 + text.getBytes(StandardCharsets.UTF_8).length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(GgufHeader.TYPE_STRING).putLong(texts.length);
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.putLong(utf8.length).put(utf8);
        }
        return out.array();
    }
}
