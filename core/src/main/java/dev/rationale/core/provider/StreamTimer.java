// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.util.function.LongSupplier;

/**
 * Measures one completion: from the request to the first text, and to the end, and how long the model thought (from
 * its first reasoning text to its first answer text). Safe to mark from any thread.
 */
public final class StreamTimer {
    private final LongSupplier nanoTime;
    private final long start;
    private volatile long firstText = -1;
    private volatile long firstReasoning = -1;
    private volatile long firstAnswer = -1;

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

    /** Notes that answer text arrived; only the first call counts. */
    public void markText() {
        markText(false);
    }

    /** Notes that reasoning ({@code reasoning} true) or answer text arrived; only the first of each counts. */
    public void markText(boolean reasoning) {
        long now = nanoTime.getAsLong();
        if (firstText < 0) {
            firstText = now;
        }
        if (reasoning && firstReasoning < 0) {
            firstReasoning = now;
        } else if (!reasoning && firstAnswer < 0) {
            firstAnswer = now;
        }
    }

    /** The timings so far, as of now. */
    public Timings timings() {
        long now = nanoTime.getAsLong();
        long first = firstText;
        long thought = firstReasoning;
        long answered = firstAnswer;
        Double thinking = null;
        if (thought >= 0) {
            thinking = millis((answered > thought ? answered : now) - thought);
        }
        return new Timings(first < 0 ? null : millis(first - start), millis(now - start), thinking);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
