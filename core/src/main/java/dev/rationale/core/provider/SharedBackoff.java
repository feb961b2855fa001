// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * One endpoint's wait before sending again a request that failed without the server naming a wait (a 429 without
 * {@code Retry-After}, a 500, a refused connection). Shared by all the endpoint's requests, unlike a per-request
 * doubling: it starts at {@link #INITIAL}, doubles on failures up to {@link #MAX} and falls back to {@link #INITIAL}
 * at the next answer. It doubles at most once per its own length, so that eight requests failing together count as
 * one failure, not as eight doublings.
 *
 * <p>Thread-safe. The clock (nanoseconds) and the jitter are injected for tests.
 */
public final class SharedBackoff {
    public static final Duration INITIAL = Duration.ofMillis(100);
    public static final Duration MAX = Duration.ofSeconds(8);

    private final LongSupplier nanoTime;
    private final RandomGenerator random;
    private long current = INITIAL.toNanos();
    private long lastGrowth = Long.MIN_VALUE;

    public SharedBackoff(LongSupplier nanoTime, RandomGenerator random) {
        this.nanoTime = nanoTime;
        this.random = random;
    }

    /** System time and random jitter. */
    public static SharedBackoff create() {
        return new SharedBackoff(System::nanoTime, RandomGenerator.getDefault());
    }

    /** The current wait before jitter. */
    public synchronized Duration current() {
        return Duration.ofNanos(current);
    }

    /**
     * The wait for one more failed request: the current one less up to a quarter at random (so that requests that
     * failed together do not come back together), after doubling it if it has not doubled within its own length.
     */
    public synchronized Duration failed() {
        long now = nanoTime.getAsLong();
        if (lastGrowth == Long.MIN_VALUE) {
            lastGrowth = now;
        } else if (now - lastGrowth >= current) {
            current = Math.min(MAX.toNanos(), current * 2);
            lastGrowth = now;
        }
        double jitter = 1.0 - 0.25 * random.nextDouble();
        return Duration.ofNanos(Math.round(current * jitter));
    }

    /** An answer came: the endpoint is serving again. */
    public synchronized void answered() {
        current = INITIAL.toNanos();
        lastGrowth = Long.MIN_VALUE;
    }
}
