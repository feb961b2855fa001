// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider;

import org.jspecify.annotations.Nullable;

/**
 * How many requests one endpoint may have in flight, adjusted to what it says: additive increase, multiplicative
 * decrease (AIMD), as TCP adjusts its window.
 *
 * <p>The limit starts at its ceiling (the user's concurrency). A request the endpoint refused as too many (429) lowers
 * it by {@link #DECREASE} ({@code 8 -> 7 -> 6 -> 5 -> 4}), never below 1; but only once per window: 429s for
 * requests that were already in flight when the limit was last lowered count as the same signal, so a burst of them
 * lowers it once. Each answered request raises it by {@code 1 / limit}, about one per window of answers, back up to
 * the ceiling. Failures that say nothing about load (a 500, a cut stream) leave it as it is.
 *
 * <p>The limit is kept as a fraction and used rounded to the nearest whole number, so that one lowering costs one
 * slot and a few answers win it back. Thread-safe; nothing blocks: a caller that gets no
 * {@link Permit} from {@link #tryAcquire} waits on its own terms and asks again when a permit is released.
 */
public final class AdaptiveLimit {

    /**
     * The factor a 429 multiplies the limit by. Gentle on purpose: a server that keeps answering 429 still halves
     * the limit within four windows and is down to 1 within a dozen, while a few scattered 429s among many answers
     * (a shared quota's noise) cost a single slot for a moment.
     */
    public static final double DECREASE = 0.85;

    /** A lowering of the limit. */
    public record Change(int from, int to) {
    }

    private final int ceiling;
    private double limit;
    private int inFlight;
    private long issued;
    private long windowStart;

    /** @throws IllegalArgumentException when {@code ceiling} is below 1 */
    public AdaptiveLimit(int ceiling) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("the ceiling must be 1 or more, got " + ceiling);
        }
        this.ceiling = ceiling;
        this.limit = ceiling;
    }

    public int ceiling() {
        return ceiling;
    }

    /** Requests allowed in flight now, between 1 and the ceiling. */
    public synchronized int limit() {
        return (int) Math.round(limit);
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** A permit to send one request, or null when the limit's worth are in flight. */
    public synchronized @Nullable Permit tryAcquire() {
        if (inFlight >= limit()) {
            return null;
        }
        inFlight++;
        return new Permit(issued++);
    }

    /** One request's place under the limit; release it exactly once, by saying how the request ended. */
    public final class Permit {
        private final long number;
        private boolean released;

        private Permit(long number) {
            this.number = number;
        }

        /** The endpoint answered: the limit grows towards the ceiling. */
        public void answered() {
            synchronized (AdaptiveLimit.this) {
                release();
                limit = Math.min(ceiling, limit + 1.0 / limit);
            }
        }

        /**
         * The endpoint said too many requests. Returns the change when this 429 opened a new window (the limit is
         * lowered, unless already 1: then {@code from == to}), or null when it falls in a window already counted.
         */
        public @Nullable Change overloaded() {
            synchronized (AdaptiveLimit.this) {
                release();
                if (number < windowStart) {
                    return null;
                }
                windowStart = issued;
                int from = limit();
                limit = Math.max(1.0, limit * DECREASE);
                return new Change(from, limit());
            }
        }

        /** The request ended in a way that says nothing about load (a 500, a cut stream, nothing sent). */
        public void released() {
            synchronized (AdaptiveLimit.this) {
                release();
            }
        }

        private void release() {
            if (released) {
                throw new IllegalStateException("permit " + number + " released twice");
            }
            released = true;
            inFlight--;
        }
    }
}
