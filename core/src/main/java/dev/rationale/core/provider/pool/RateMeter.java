// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

/**
 * Events per second over the last {@value #SECONDS} whole seconds, counted in one bucket per second, so a rate
 * costs a few longs however many requests a run sends. Not thread-safe: its member's lock guards it.
 */
final class RateMeter {
    static final int SECONDS = 5;
    private static final long SECOND = 1_000_000_000L;

    private final long[] counts = new long[SECONDS + 1];
    private final long[] seconds = new long[SECONDS + 1];

    void mark(long nanoTime) {
        long second = Math.floorDiv(nanoTime, SECOND);
        int slot = (int) Math.floorMod(second, (long) counts.length);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot]++;
    }

    /** The rate over the whole seconds before the current one (the current one is still filling). */
    double perSecond(long nanoTime) {
        long now = Math.floorDiv(nanoTime, SECOND);
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (seconds[i] < now && seconds[i] >= now - SECONDS) {
                sum += counts[i];
            }
        }
        return sum / (double) SECONDS;
    }
}
