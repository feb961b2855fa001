// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.grading.code;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of a run on a virtual thread, keeping what fits under the run's output limit; passing it
 * calls {@code overflow}.
 */
final class OutputDrain {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;

    OutputDrain(InputStream in, long limit, Runnable overflow) {
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
                synchronized (kept) {
                    kept.write(buffer, 0, (int) Math.min(room, read));
                }
                if (before + read > limit) {
                    overflow.run();
                    return;
                }
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read is kept.
        }
    }

    /** Waits up to {@code millis} for the stream to end, then returns what was kept of it. */
    String text(long millis) throws InterruptedException {
        thread.join(millis);
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
