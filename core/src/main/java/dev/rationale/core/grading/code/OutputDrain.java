// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads one output stream of a run on a virtual thread, keeping what fits under the run's output limit; passing it
 * calls {@code overflow} once, and the rest is read and dropped until the stream ends.
 */
final class OutputDrain {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final InputStream in;
    private final Thread thread;

    OutputDrain(InputStream in, long limit, Runnable overflow) {
        this.in = in;
        thread = Thread.ofVirtual().name("sandbox-output").start(() -> drain(in, limit, overflow));
    }

    private void drain(InputStream in, long limit, Runnable overflow) {
        byte[] buffer = new byte[8192];
        long used = 0;
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long before = used;
                used += read;
                long room = Math.max(0, limit - before);
                if (room > 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, (int) Math.min(room, read));
                    }
                }
                if (before <= limit && used > limit) {
                    overflow.run();
                }
                // Past the limit the rest is read and dropped until the run is killed: a pipe closed now would
                // fail the program's next write, and the harness would report that as the test's own failure.
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read is kept.
        }
    }

    /**
     * Waits up to {@code millis} for the stream to end, then returns what was kept of it. A stream still open then
     * (a process that left the run's tree holds it) is closed, so that its reader ends.
     */
    String text(long millis) throws InterruptedException {
        if (!thread.join(Duration.ofMillis(millis))) {
            try {
                in.close();
            } catch (IOException e) {
                // Closing is all that is left to do; what was read is kept.
            }
        }
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
