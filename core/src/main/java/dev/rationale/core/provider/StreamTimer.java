// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.function.LongSupplier;

/** Measures one completion: from the request to the first text, and to the end. Safe to mark from any thread. */
public final class StreamTimer {
    private final LongSupplier nanoTime;
    private final long start;
    private volatile long firstText = -1;

    private StreamTimer(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Starts timing now. */
    public static StreamTimer start() {
        return new StreamTimer(System::nanoTime);
    }

    /** Starts timing on the given clock, for tests. */
    public static StreamTimer start(LongSupplier nanoTime) {
        return new StreamTimer(nanoTime);
    }

    /** Notes that text arrived; only the first call counts. */
    public void markText() {
        if (firstText < 0) {
            firstText = nanoTime.getAsLong();
        }
    }

    /** The timings so far, as of now. */
    public Timings timings() {
        long now = nanoTime.getAsLong();
        long first = firstText;
        return new Timings(first < 0 ? null : millis(first - start), millis(now - start));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
