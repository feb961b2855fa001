// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** The wait between two polls, cut short by {@link #wake} (a cancel), so stopping never waits out an interval. */
final class PollWait {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeAsked;

    /** Waits {@code interval}, or less when woken or when {@code stop} holds; an interrupt ends it too. */
    void sleep(Duration interval, BooleanSupplier stop) {
        lock.lock();
        try {
            long left = interval.toNanos();
            while (left > 0 && !wakeAsked && !stop.getAsBoolean()) {
                left = woken.awaitNanos(left);
            }
            wakeAsked = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    void wake() {
        lock.lock();
        try {
            wakeAsked = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
