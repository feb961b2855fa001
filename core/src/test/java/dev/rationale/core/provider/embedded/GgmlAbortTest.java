// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is left when llama.cpp aborts despite the model-file check: the process ends (exit 134 on Linux), the abort
 * message goes to standard error, and nothing reaches standard output, where ggml used to run gdb and print its
 * backtrace (and where {@code run --json} writes). Run in a child JVM, since the abort ends it.
 */
class GgmlAbortTest {
    private static final int SIGABRT_EXIT = 128 + 6;

    @TempDir
    Path dir;

    @Test
    void anAbortInGgmlLeavesStandardOutputEmpty() throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "Linux only");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // No core file from the deliberate abort.
        String command = "ulimit -c 0; exec \"$0\" --enable-native-access=ALL-UNNAMED -cp \"$1\" "
                + GgmlAbortChild.class.getName();
        Process child = new ProcessBuilder(List.of("sh", "-c", command, java, System.getProperty("java.class.path")))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
        String stderr = Files.readString(err);
        assertThat(child.exitValue()).as(stderr).isEqualTo(SIGABRT_EXIT);
        assertThat(stderr).contains(GgmlAbortChild.MESSAGE);
        assertThat(Files.readString(out)).as("standard output").isEmpty();
    }
}
