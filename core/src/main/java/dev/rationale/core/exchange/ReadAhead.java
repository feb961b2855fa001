// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.concurrent.Uninterruptibly;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Walks a source on a thread of its own while the caller writes what it gives: reading a run (SQLite, inflating,
 * decoding) and writing its rows (formatting, encoding, the disk) each take about half of a report's time, and the
 * machines this runs on have two cores or more. Items go over in batches through a short queue, so memory holds a
 * few batches whatever the size of the run. Either side's exception ends both and reaches the caller.
 */
final class ReadAhead {
    static final int BATCH = 512;
    private static final int BATCHES_AHEAD = 4;

    /** What the caller does with each item. */
    @FunctionalInterface
    interface Sink<T> {
        void accept(T item) throws IOException;
    }

    private ReadAhead() {
    }

    /**
     * Runs {@code source} (which hands each item to the consumer it is given) on a reader thread and hands every
     * item to {@code sink} on the calling thread, in order.
     *
     * @return how many items there were
     * @throws UncheckedIOException when {@code sink} throws an {@link IOException}
     */
    static <T> long run(Consumer<Consumer<T>> source, Sink<T> sink) {
        Transfer<T> transfer = new Transfer<>();
        Thread reader = Thread.ofPlatform().name("rationale-read-ahead").daemon().start(() -> transfer.fill(source));
        long count = 0;
        try {
            for (List<T> batch = transfer.next(); !batch.isEmpty(); batch = transfer.next()) {
                for (T item : batch) {
                    sink.accept(item);
                }
                count += batch.size();
            }
            return count;
        } catch (IOException e) {
            transfer.cancel();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            transfer.cancel();
            throw e;
        } finally {
            Uninterruptibly.join(reader);
        }
    }

    /** The queue between the two threads, and how the reader ended. */
    private static final class Transfer<T> {
        // An empty batch marks the end; the reader never hands over an empty one otherwise.
        private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private volatile boolean cancelled;
        private volatile @Nullable Throwable failure;

        void fill(Consumer<Consumer<T>> source) {
            List<List<T>> pending = new ArrayList<>(1);
            pending.add(new ArrayList<>(BATCH));
            try {
                source.accept(item -> {
                    List<T> batch = pending.getFirst();
                    batch.add(item);
                    if (batch.size() == BATCH) {
                        put(batch);
                        pending.set(0, new ArrayList<>(BATCH));
                    }
                });
                if (!pending.getFirst().isEmpty()) {
                    put(pending.getFirst());
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                endQuietly();
            }
        }

        private void put(List<T> batch) {
            try {
                while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                    if (cancelled) {
                        throw new CancellationException("the writer stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }

        private void endQuietly() {
            try {
                while (!cancelled && !queue.offer(List.of(), 50, TimeUnit.MILLISECONDS)) {
                    // the writer is still busy with earlier batches
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        List<T> next() throws IOException {
            List<T> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the run");
            }
            if (batch.isEmpty() && failure != null) {
                rethrow(failure);
            }
            return batch;
        }

        void cancel() {
            cancelled = true;
            queue.clear();
        }

        private static void rethrow(Throwable failure) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure;
        }
    }
}
