// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.concurrent;

import java.util.concurrent.BlockingQueue;

/**
 * Waits that the caller's interrupt does not cut short, for hand-overs that must happen whatever the caller is
 * asked to do next: a reader or writer thread that has to finish before its owner returns, the end marker its
 * queue must get. The interrupt is kept, and set again on the caller's thread once the wait is over.
 */
public final class Uninterruptibly {
    private Uninterruptibly() {
    }

    /** Waits until {@code thread} has ended. */
    public static void join(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Puts {@code element} into {@code queue}, waiting for room. */
    public static <E> void put(BlockingQueue<E> queue, E element) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(element);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
