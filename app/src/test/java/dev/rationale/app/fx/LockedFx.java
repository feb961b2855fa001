// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A stand-in for the FX thread in plain JUnit tests: hand-offs run on whichever thread makes them, one at a time
 * under a lock, and the test reads and acts under the same lock, as it would on the FX thread.
 */
public final class LockedFx implements Executor {

    private final Object lock = new Object();

    @Override
    public void execute(Runnable command) {
        synchronized (lock) {
            command.run();
        }
    }

    /** Runs {@code action} as the FX thread would. */
    public void run(Runnable action) {
        execute(action);
    }

    /**
     * Waits, polling, until {@code condition} holds (read under the lock); fails after {@code seconds} with
     * {@code state} in the message.
     */
    public void waitUntil(BooleanSupplier condition, long seconds, Supplier<String> state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            synchronized (lock) {
                if (condition.getAsBoolean()) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out; " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
