// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.provider.ProviderException;
import dev.rationale.core.provider.embedded.gguf.CorruptModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 20: model files that made llama.cpp abort the JVM (exit 134) are refused in Java with one
 * line, and the process goes on to load a good file. That this test gets past each load at all is the proof that
 * the JVM survived.
 */
class CorruptModelFileTest {
    @TempDir
    Path dir;

    @Test
    void anEmptyMetadataKeyIsOneLineAndTheJvmLives() {
        Path corrupt = CorruptModels.withEmptyKey(dir, 3);

        assertRefused(corrupt, "stories260K.gguf: metadata key 3 is empty (byte 145)");
        assertAGoodFileStillLoads();
    }

    @Test
    void aNanRmsEpsilonIsOneLineAndTheJvmLives() {
        Path corrupt = CorruptModels.withFloat(dir, CorruptModels.RMS_EPSILON, Float.NaN);

        assertRefused(corrupt, "stories260K.gguf: metadata key 15 (llama.attention.layer_norm_rms_epsilon) is NaN;"
                + " it must be a finite number above 0 (byte 694)");
        assertAGoodFileStillLoads();
    }

    @Test
    void aNegativeRmsEpsilonIsOneLineAndTheJvmLives() {
        Path corrupt = CorruptModels.withFloat(dir, CorruptModels.RMS_EPSILON, -1f);

        assertRefused(corrupt, "stories260K.gguf: metadata key 15 (llama.attention.layer_norm_rms_epsilon) is -1.0;"
                + " it must be a finite number above 0 (byte 694)");
        assertAGoodFileStillLoads();
    }

    @Test
    void ggmlsCrashBacktraceIsSwitchedOffOnceTheLibraryLoads() {
        LlamaLibrary.load();

        assertThat(GgmlBacktrace.current()).as("GGML_NO_BACKTRACE in the C environment").isPresent();
    }

    private static void assertRefused(Path file, String line) {
        assertThatThrownBy(() -> LlamaModel.load(file)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.ENGINE);
            assertThat(e.getMessage()).isEqualTo(line);
        });
    }

    private static void assertAGoodFileStillLoads() {
        try (LlamaModel model = LlamaModel.load(TestModels.stories())) {
            assertThat(model.vocabularySize()).isEqualTo(512);
            assertThat(model.tokenize("Once upon a time", true, false)).containsExactly(1, 403, 407, 261, 378);
        }
    }
}
