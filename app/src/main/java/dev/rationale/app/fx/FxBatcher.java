// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.jspecify.annotations.Nullable;

/**
 * Hands items produced on any thread to a consumer on the FX thread in batches: at most one hand-off is scheduled
 * while one is pending, so a stream of thousands of tokens a second costs a few {@code runLater} calls a frame,
 * not one per token. Items keep their order. Thread-safe.
 *
 * <p>A batcher made {@link #oncePerFrame} also hands over at most one batch a frame. The pending flag alone does
 * not: an idle FX thread runs each hand-off as soon as it is posted, so a fast stream arrived one or two items at
 * a time, and a consumer that edits a view paid for an edit per token. When a hand-off runs on the FX thread in a
 * frame that already had its batch, it waits for the next frame (an animation timer) and takes everything queued
 * by then. Elsewhere (a test's same-thread executor) it hands over at once.
 *
 * @param <T> what is handed over
 */
public final class FxBatcher<T> {

    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor fx;
    private final Consumer<List<T>> consumer;
    private final boolean paced;
    /** FX thread only: a batch went out since the last frame began. */
    private boolean handedThisFrame;
    /** FX thread only: a hand-off waits for the next frame. */
    private boolean waiting;
    /** FX thread only: made when first needed, as an animation timer needs the toolkit. */
    private @Nullable AnimationTimer frames;

    /**
     * @param fx runs the hand-off: {@code Platform::runLater} in the app, {@code Runnable::run} in tests
     * @param consumer receives each batch, in order, on {@code fx}
     */
    public FxBatcher(Executor fx, Consumer<List<T>> consumer) {
        this(fx, consumer, false);
    }

    private FxBatcher(Executor fx, Consumer<List<T>> consumer, boolean paced) {
        this.fx = fx;
        this.consumer = consumer;
        this.paced = paced;
    }

    /** A batcher that also hands over at most one batch a frame when its hand-offs run on the FX thread. */
    public static <T> FxBatcher<T> oncePerFrame(Executor fx, Consumer<List<T>> consumer) {
        return new FxBatcher<>(fx, consumer, true);
    }

    /** Queues {@code item}; schedules a hand-off unless one is pending. */
    public void add(T item) {
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            fx.execute(this::flush);
        }
    }

    private void flush() {
        if (paced && Platform.isFxApplicationThread()) {
            if (waiting) {
                return;
            }
            if (handedThisFrame) {
                // Still scheduled, so producers post nothing more; the next frame takes all they queue meanwhile.
                waiting = true;
                frames().start();
                return;
            }
            handedThisFrame = true;
            frames().start();
        }
        handOver();
    }

    private AnimationTimer frames() {
        AnimationTimer timer = frames;
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    handedThisFrame = waiting;
                    if (waiting) {
                        waiting = false;
                        handOver();
                    } else {
                        stop();
                    }
                }
            };
            frames = timer;
        }
        return timer;
    }

    private void handOver() {
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
