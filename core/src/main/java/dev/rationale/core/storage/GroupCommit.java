// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Stores items written by many threads at once in shared transactions, each caller still waiting until its own
 * item is stored. A commit costs about the same for one item as for fifty (it is a disk sync), so while one thread
 * commits, the items of the threads arriving meanwhile queue up, and the next of them to get the turn commits the
 * whole queue; the others find their items already stored. Nobody waits for a timer and no thread is started.
 *
 * <p>A batch that fails is stored again one item at a time, so each caller gets its own item's outcome and one bad
 * item never fails another's.
 *
 * @param <T> what is stored
 * @param <R> what storing one item returns (e.g. its row id)
 */
public final class GroupCommit<T, R> {
    private final Function<List<T>, List<R>> storeAll;
    private final ReentrantLock turn = new ReentrantLock();
    private final Object queueLock = new Object();
    private List<Pending<T, R>> queue = new ArrayList<>();

    /**
     * @param storeAll stores its items in one transaction, all or none, and returns their results in order; it is
     *     only ever called by one thread at a time
     */
    public GroupCommit(Function<List<T>, List<R>> storeAll) {
        this.storeAll = storeAll;
    }

    /** Stores {@code item}, sharing the commit with items other threads submit meanwhile; returns its result. */
    public R submit(T item) {
        Pending<T, R> mine = new Pending<>(item);
        synchronized (queueLock) {
            queue.add(mine);
        }
        turn.lock();
        try {
            if (!mine.settled) {
                List<Pending<T, R>> batch;
                synchronized (queueLock) {
                    batch = queue;
                    queue = new ArrayList<>();
                }
                commit(batch);
            }
        } finally {
            turn.unlock();
        }
        return mine.outcome();
    }

    /** Items waiting for a turn; for tests. */
    int queued() {
        synchronized (queueLock) {
            return queue.size();
        }
    }

    private void commit(List<Pending<T, R>> batch) {
        try {
            List<R> results = storeAll.apply(batch.stream().map(p -> p.item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(results.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().fail(e);
                return;
            }
            for (Pending<T, R> one : batch) {
                commit(List.of(one));
            }
        }
    }

    /** One caller's item; its fields are written and read under {@link #turn}. */
    private static final class Pending<T, R> {
        final T item;
        boolean settled;
        R result;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }

        void succeed(R value) {
            result = value;
            settled = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            settled = true;
        }

        R outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
