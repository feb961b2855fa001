// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Computes a result off the FX thread once submissions pause, and applies only the result of the latest
 * submission. Each {@link #submit} waits out the quiet period and then runs on the background executor, unless a
 * newer submission came in meanwhile; a result whose submission has been overtaken by then is dropped on the FX
 * thread. Inputs must be immutable snapshots: they are read on the background thread.
 *
 * @param <I> what is computed from (captured on the FX thread)
 * @param <O> the result (applied on the FX thread)
 */
public final class Debounced<I, O> {
    private final Executor fx;
    private final Executor delayed;
    private final Function<I, O> compute;
    private final Consumer<O> apply;
    private final AtomicLong latest = new AtomicLong();

    /**
     * @param fx runs {@code apply}: {@code Platform::runLater} in the app, {@code Runnable::run} in tests
     * @param background runs {@code compute}, which must not throw (there is no one to catch it there)
     * @param quietPeriod how long submissions must pause; zero computes at once, which keeps tests synchronous
     */
    public Debounced(Executor fx, Executor background, Duration quietPeriod, Function<I, O> compute,
            Consumer<O> apply) {
        this.fx = fx;
        // The JDK's shared delay scheduler only hands the task on; the work itself runs on the background executor.
        this.delayed = quietPeriod.isZero() || quietPeriod.isNegative()
                ? background
                : CompletableFuture.delayedExecutor(quietPeriod.toNanos(), TimeUnit.NANOSECONDS, background);
        this.compute = compute;
        this.apply = apply;
    }

    /** Asks for a result from {@code input}; supersedes every earlier submission. Call on the FX thread. */
    public void submit(I input) {
        long ticket = latest.incrementAndGet();
        delayed.execute(() -> {
            if (latest.get() != ticket) {
                return;
            }
            O output = compute.apply(input);
            fx.execute(() -> {
                if (latest.get() == ticket) {
                    apply.accept(output);
                }
            });
        });
    }

    /** Drops every submission not yet applied; their results will never be applied. */
    public void cancel() {
        latest.incrementAndGet();
    }
}
