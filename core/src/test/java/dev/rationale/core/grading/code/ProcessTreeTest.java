// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Killing a run must leave what it wrote to its readers: the harness's report reaches standard output before the
 * tests run, and under load its reader may not have read it by the time the run is killed (a flood on standard
 * error, the time limit) or reaped. Process.destroyForcibly closed the streams, and the report was lost: the grade
 * then said that the tests did not start.
 */
class ProcessTreeTest {

    @TempDir
    Path dir;

    @Test
    void aRunKilledBeforeItsOutputIsReadKeepsThatOutput() throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", "printf report; : > written; exec sleep 60")
                .directory(dir.toFile()).start();
        waitFor(dir.resolve("written"));

        new ProcessTree(process, null).kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("report");
    }

    @Test
    void aRunThatEndedKeepsItsOutputAfterTheTreeIsKilled() throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", "printf done; printf noted >&2").start();
        process.waitFor();

        new ProcessTree(process, null).kill();

        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("done");
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("noted");
    }

    private static void waitFor(Path file) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!Files.exists(file)) {
            assertThat(Instant.now()).as("the process wrote %s", file).isBefore(deadline);
            Thread.sleep(10);
        }
    }
}
