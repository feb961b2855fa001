// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.download;

/**
 * Decides when a progress event is worth sending: after 0.1 % of the file (at least 64 KiB) or 100 ms, whichever
 * comes first. A 400 MB model then yields about a thousand events rather than one per network read. One thread.
 */
final class ProgressThrottle {

    static final long MIN_STEP_BYTES = 64 * 1024;
    static final long INTERVAL_NANOS = 100_000_000L;

    private final long step;
    private long lastBytes = -1;
    private long lastNanos;

    /** @param total the file's length, -1 when unknown */
    ProgressThrottle(long total) {
        this.step = Math.max(MIN_STEP_BYTES, total / 1000);
    }

    /** Whether to report {@code bytes} now; records the report when it answers true. */
    boolean due(long bytes) {
        long now = System.nanoTime();
        boolean first = lastBytes < 0;
        boolean due = first || bytes - lastBytes >= step || (bytes != lastBytes && now - lastNanos >= INTERVAL_NANOS);
        if (due) {
            lastBytes = bytes;
            lastNanos = now;
        }
        return due;
    }

    /** Whether {@code bytes} still has to be reported as the final count. */
    boolean pending(long bytes) {
        return bytes != lastBytes;
    }
}
