// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.fuzz;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a try on a thread with a small stack. A test thread's stack is often many megabytes, deep enough to hide a
 * recursion that overflows the smaller stacks of the app's worker threads; at 256 KB a recursion driven by the
 * input shows up as a {@link StackOverflowError}, which the property then reports like any other failure.
 */
final class SmallStack {
    private static final long STACK_BYTES = 256 * 1024;

    private SmallStack() {
    }

    static void run(Fuzz.Try body, java.util.SplittableRandom random) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                body.run(random);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fuzz-small-stack", STACK_BYTES);
        thread.start();
        thread.join();
        Throwable thrown = failure.get();
        if (thrown instanceof Exception e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }
}
