// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Checks that work grows linearly with input: the same code on an input ten times larger may cost at most twenty
 * times the CPU time. This is a complexity check, not a speed goal: it compares the code with itself on the same
 * machine, takes the best of several runs so a pause elsewhere cannot fail it, and leaves a factor of five between
 * the bound and what a quadratic algorithm would show (a hundredfold).
 */
public final class Scaling {
    private static final int RUNS = 5;
    private static final double ALLOWED_RATIO = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Scaling() {
    }

    /**
     * Runs {@code work} on inputs of {@code size} and {@code 10 * size} units made by {@code make} and fails when the
     * larger costs more than twenty times the smaller. Pick {@code size} so the smaller input takes some
     * milliseconds; below that, timer resolution decides the ratio.
     */
    public static <T> void assertLinear(String what, int size, IntFunction<T> make, Consumer<T> work) {
        T small = make.apply(size);
        T large = make.apply(size * 10);
        work.accept(small); // warm up: the first run pays class loading and compilation
        work.accept(large);
        long smallNanos = bestOf(small, work);
        long largeNanos = bestOf(large, work);
        double ratio = (double) largeNanos / Math.max(smallNanos, 1_000_000L);
        assertThat(ratio)
                .as("%s: %d units took %.1f ms, %d units %.1f ms (x%.1f; linear is about x10)", what, size,
                        smallNanos / 1e6, size * 10, largeNanos / 1e6, ratio)
                .isLessThanOrEqualTo(ALLOWED_RATIO);
    }

    private static <T> long bestOf(T input, Consumer<T> work) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            work.accept(input);
            best = Math.min(best, THREADS.getCurrentThreadCpuTime() - start);
        }
        return best;
    }
}
