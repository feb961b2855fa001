// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import java.util.SplittableRandom;

/**
 * Runs a property over seeded random inputs. Each try has its own seed, derived from {@code fuzz.seed} and the
 * try's number, so any failing try can be replayed alone; the failure message says how.
 */
public final class Fuzz {
    private static final int DEFAULT_COUNT = 200;
    private static final long DEFAULT_SEED = 20261206L;
    private static final long SEED_STEP = 0x9E3779B97F4A7C15L;

    private Fuzz() {
    }

    /** One try of a property: the generator for this try and its seed. */
    @FunctionalInterface
    public interface Try {
        void run(SplittableRandom random) throws Exception;
    }

    /** How many inputs each property tries: {@code -Dfuzz.count}, 200 unless set. */
    public static int count() {
        return Integer.getInteger("fuzz.count", DEFAULT_COUNT);
    }

    /** Runs {@code property} {@link #count()} times, scaled by {@code weight} (at least once) for costly ones. */
    public static void check(String property, double weight, Try body) {
        long base = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int tries = Math.max(1, (int) Math.round(count() * weight));
        for (int i = 0; i < tries; i++) {
            long seed = base + i * SEED_STEP;
            try {
                body.run(new SplittableRandom(seed));
            } catch (Throwable failure) {
                throw new AssertionError(property + " failed on try " + i + " of " + tries
                        + "; replay it with -Dfuzz.seed=" + seed + " -Dfuzz.count=1: " + failure, failure);
            }
        }
    }

    /** Runs {@code property} {@link #count()} times. */
    public static void check(String property, Try body) {
        check(property, 1.0, body);
    }
}
