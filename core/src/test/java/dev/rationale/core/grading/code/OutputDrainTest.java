// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A stream past its limit is read to its end, not closed: a closed pipe failed the program's next write before the
 * kill landed (BrokenPipeError), and the harness reported that as a failing test of the case.
 */
class OutputDrainTest {
    private static final int LIMIT = 4096;

    @Test
    void aStreamPastItsLimitIsKeptUpToTheLimitAndReadToItsEnd() throws Exception {
        PipedInputStream in = new PipedInputStream(1024);
        PipedOutputStream out = new PipedOutputStream(in);
        AtomicInteger overflows = new AtomicInteger();
        OutputDrain drain = new OutputDrain(in, LIMIT, overflows::incrementAndGet);

        byte[] chunk = new byte[1000];
        Arrays.fill(chunk, (byte) 'x');
        IOException failedWrite = null;
        try {
            for (int i = 0; i < 20; i++) {
                out.write(chunk);
            }
            out.close();
        } catch (IOException e) {
            failedWrite = e;
        }

        assertThat(failedWrite).as("the writer's writes after the limit").isNull();
        assertThat(drain.text(10_000)).isEqualTo("x".repeat(LIMIT));
        assertThat(overflows).hasValue(1);
    }

    @Test
    void aStreamWithinItsLimitIsKeptWhole() throws Exception {
        PipedInputStream in = new PipedInputStream();
        PipedOutputStream out = new PipedOutputStream(in);
        AtomicInteger overflows = new AtomicInteger();
        OutputDrain drain = new OutputDrain(in, LIMIT, overflows::incrementAndGet);

        out.write("{\"event\":\"done\"}\n".getBytes(StandardCharsets.UTF_8));
        out.close();

        assertThat(drain.text(10_000)).isEqualTo("{\"event\":\"done\"}\n");
        assertThat(overflows).hasValue(0);
    }
}
