// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items produced on any thread to a consumer on the FX thread in batches: at most one hand-off is scheduled
 * while one is pending, so a stream of thousands of tokens a second costs a few {@code runLater} calls a frame,
 * not one per token. Items keep their order. Thread-safe.
 *
 * @param <T> what is handed over
 */
public final class FxBatcher<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<List<T>> consumer;

    /**
     * @param fx runs the hand-off: {@code Platform::runLater} in the app, {@code Runnable::run} in tests
     * @param consumer receives each batch, in order, on {@code fx}
     */
    public FxBatcher(Executor fx, Consumer<List<T>> consumer) {
        this.fx = fx;
        this.consumer = consumer;
    }

    /** Queues {@code item}; schedules a hand-off unless one is pending. */
    public void add(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::flush);
        }
    }

    private void flush() {
        // Cleared before draining: an item added while draining either lands in this batch or schedules the next.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
