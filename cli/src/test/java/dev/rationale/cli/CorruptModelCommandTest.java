// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's corrupt models through the command line: where llama.cpp used to abort the process (exit 134, a gdb
 * backtrace on standard output), {@code run --json} now ends with exit 3 (a backend failure), one line on standard
 * error and nothing on standard output. The copies are made from the shared model at test time.
 */
class CorruptModelCommandTest {
    private static final Path MODEL = Path.of(System.getProperty("rationale.models.dir", "../../shared/models"))
            .resolve("stories260K.gguf");
    /** In stories260K.gguf: where metadata key 3 (general.license) starts, and where the RMS epsilon's value is. */
    private static final int KEY_3 = 145;
    private static final int RMS_EPSILON_VALUE = 694 + 8 + "llama.attention.layer_norm_rms_epsilon".length() + 4;

    @TempDir
    Path dir;

    @Test
    void aNanRmsEpsilonIsOneLineAndExitThreeWithStandardOutputEmpty() throws IOException {
        Path corrupt = patched(buffer -> buffer.putFloat(RMS_EPSILON_VALUE, Float.NaN));

        CliRun run = runJson(corrupt);

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BACKEND);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly("rationale: stories260K.gguf: metadata key 15"
                + " (llama.attention.layer_norm_rms_epsilon) is NaN; it must be a finite number above 0 (byte 694)");
    }

    @Test
    void anEmptyMetadataKeyIsOneLineAndExitThreeWithStandardOutputEmpty() throws IOException {
        Path corrupt = patched(buffer -> buffer.putLong(KEY_3, 0));

        CliRun run = runJson(corrupt);

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BACKEND);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList())
                .containsExactly("rationale: stories260K.gguf: metadata key 3 is empty (byte 145)");
    }

    private static CliRun runJson(Path model) {
        return CliRun.of("run", "--provider", "embedded", "--model", model.toString(), "--prompt",
                "Once upon a time", "--max-tokens", "4", "--json");
    }

    private Path patched(Consumer<ByteBuffer> patch) throws IOException {
        byte[] bytes = Files.readAllBytes(MODEL);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(buffer.getLong(KEY_3)).as("general.license's key length").isEqualTo("general.license".length());
        assertThat(buffer.getFloat(RMS_EPSILON_VALUE)).as("the RMS epsilon").isEqualTo(1e-5f);
        patch.accept(buffer);
        return Files.write(dir.resolve("stories260K.gguf"), bytes);
    }
}
