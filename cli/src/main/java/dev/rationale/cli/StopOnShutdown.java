// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import dev.rationale.core.provider.Cancellable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a running evaluation when the JVM is asked to stop (Ctrl-C, {@code kill}), and holds the shutdown until
 * the command has recorded the run as cancelled, closed its results and said how to resume, or until a grace period
 * ends. Open it once the evaluation has started and close it when everything is written.
 */
final class StopOnShutdown implements AutoCloseable {
    private final Thread hook;
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile boolean stopping;

    StopOnShutdown(Cancellable evaluation, Duration grace) {
        hook = new Thread(() -> {
            stopping = true;
            evaluation.cancel();
            try {
                settled.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rationale-eval-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether the JVM is shutting down: the evaluation was cancelled by a signal, not by running out of work. */
    boolean stopping() {
        return stopping;
    }

    /** Everything is written: lets a shutdown under way end, or takes the hook away when there is none. */
    @Override
    public void close() {
        settled.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running and returns now that the latch is open; the JVM then exits with the signal's code.
        }
    }
}
