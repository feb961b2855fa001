// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.provider.Cancellable;
import java.util.function.Supplier;

/**
 * Lets a cancelled evaluation interrupt the thread grading an answer (a judge's request, a test run), and never any
 * later work of that thread: writing the results file through an interrupted thread would close its channel. The
 * interrupt can land only while grading is on, and the thread's flag is cleared once it is off.
 */
final class GradingInterrupt implements Cancellable {
    private final Thread grading = Thread.currentThread();
    private boolean on = true;

    /** What {@code work} returns, on the calling thread, interruptible by {@code run}'s cancel while it works. */
    static <T> T during(RunningEvaluation run, Supplier<T> work) {
        GradingInterrupt interrupt = new GradingInterrupt();
        boolean tracked = run.track(interrupt);
        if (!tracked) {
            // Cancelled already: a grader that would wait gives up at once.
            Thread.currentThread().interrupt();
        }
        try {
            return work.get();
        } finally {
            if (tracked) {
                run.untrack(interrupt);
            }
            interrupt.off();
        }
    }

    @Override
    public synchronized void cancel() {
        if (on) {
            grading.interrupt();
        }
    }

    private void off() {
        synchronized (this) {
            on = false;
        }
        // An interrupt that came while grading was on is spent: the grader has given up (or finished) by now.
        Thread.interrupted();
    }
}
