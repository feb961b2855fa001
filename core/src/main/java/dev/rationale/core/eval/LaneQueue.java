// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.provider.AdaptiveLimit;
import dev.rationale.core.provider.SharedBackoff;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends one endpoint's jobs within its {@link AdaptiveLimit}, one virtual thread per job in flight.
 *
 * <p>A job that must be sent again (a 429, a 500, a cut stream) does not wait in its slot: its attempt ends, the slot
 * goes to the next job, and the job comes back into the queue with a time before which it is not sent. The wait is
 * the server's when it named one, else the endpoint's {@link SharedBackoff}. Jobs due again go before fresh ones, so
 * a retried job is not left to the end of a long run.
 *
 * <p>How each attempt ended feeds the limit: an answer raises it, a 429 lowers it (once per window), other failures
 * leave it. Each time a 429 lowers it below any value reported before, {@code lowered} hears of it, so a run reports
 * at most one line per slot lost, not one per 429.
 *
 * <p>One queue serves a lane for the whole run, phase after phase: the limit an endpoint earned in one phase holds in
 * the next.
 */
final class LaneQueue {

    /** How an attempt ended, as far as the endpoint's load goes. */
    enum Reply { ANSWERED, OVERLOADED, FAILED, NONE }

    /** What became of a job after one attempt. */
    sealed interface Step<T> {
        Reply reply();

        /**
         * The job is over; {@code after} (writing its answer down) runs once its slot is handed to the next job, so
         * that the endpoint never waits on a disk.
         */
        record Done<T>(Reply reply, Runnable after) implements Step<T> {
            Done(Reply reply) {
                this(reply, () -> { });
            }
        }

        /** Send {@code next} later: after {@code delay}, or after the shared back-off when {@code delay} is null. */
        record Again<T>(T next, Reply reply, @Nullable Duration delay) implements Step<T> {
        }
    }

    /** One attempt of a job, on its own virtual thread. */
    @FunctionalInterface
    interface Work<T> {
        Step<T> run(T job) throws InterruptedException;
    }

    // Cancelling is noticed within this while the queue waits.
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final AdaptiveLimit limit;
    private final SharedBackoff backoff;
    private final BooleanSupplier cancelled;
    private final Consumer<AdaptiveLimit.Change> lowered;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int lowestReported;

    LaneQueue(AdaptiveLimit limit, SharedBackoff backoff, BooleanSupplier cancelled,
            Consumer<AdaptiveLimit.Change> lowered, LongSupplier nanoTime) {
        this.limit = limit;
        this.backoff = backoff;
        this.cancelled = cancelled;
        this.lowered = lowered;
        this.nanoTime = nanoTime;
        this.lowestReported = limit.ceiling();
    }

    /** A queue at {@code ceiling} requests in flight, on the system clock. */
    static LaneQueue of(int ceiling, BooleanSupplier cancelled, Consumer<AdaptiveLimit.Change> lowered) {
        return new LaneQueue(new AdaptiveLimit(ceiling), SharedBackoff.create(), cancelled, lowered, System::nanoTime);
    }

    AdaptiveLimit limit() {
        return limit;
    }

    /**
     * Works through {@code jobs} until each is done; returns once none is in flight. Once cancelled, it starts no
     * attempt and drops the jobs still waiting; those in flight end as their work decides.
     */
    <T> void run(List<T> jobs, Work<T> work) throws InterruptedException {
        run(jobs.iterator(), work);
    }

    /** As {@link #run(List, Work)}, taking each job from {@code jobs} only when a slot is free for it. */
    <T> void run(Iterator<T> jobs, Work<T> work) throws InterruptedException {
        Phase<T> phase = new Phase<>(jobs);
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Start<T> start = next(phase); start != null; start = next(phase)) {
                Start<T> started = start;
                requests.submit(() -> attempt(phase, started, work));
            }
        }
    }

    private record Waiting<T>(T job, long due) {
    }

    private record Start<T>(T job, AdaptiveLimit.Permit permit) {
    }

    /** A phase's jobs: fresh ones in order, those sent back by due time, and how many are in flight. */
    private static final class Phase<T> {
        final Iterator<T> fresh;
        final PriorityQueue<Waiting<T>> waiting = new PriorityQueue<>(Comparator.comparingLong(Waiting::due));
        int running;

        Phase(Iterator<T> jobs) {
            fresh = jobs;
        }
    }

    /** The next job to send with its permit, once one is due and a slot is free; null when the phase is over. */
    private <T> @Nullable Start<T> next(Phase<T> phase) throws InterruptedException {
        lock.lock();
        try {
            while (!cancelled.getAsBoolean()) {
                long now = nanoTime.getAsLong();
                Waiting<T> first = phase.waiting.peek();
                boolean dueAgain = first != null && first.due() - now <= 0;
                boolean anyFresh = phase.fresh.hasNext();
                if (!dueAgain && !anyFresh && first == null && phase.running == 0) {
                    return null;
                }
                if (dueAgain || anyFresh) {
                    AdaptiveLimit.Permit permit = limit.tryAcquire();
                    if (permit != null) {
                        phase.running++;
                        return new Start<>(dueAgain ? phase.waiting.remove().job() : phase.fresh.next(), permit);
                    }
                    changed.awaitNanos(POLL_NANOS);
                } else {
                    changed.awaitNanos(first == null ? POLL_NANOS : Math.min(POLL_NANOS, first.due() - now));
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private <T> Void attempt(Phase<T> phase, Start<T> start, Work<T> work) throws InterruptedException {
        Step<T> step = new Step.Done<>(Reply.NONE);
        try {
            step = work.run(start.job());
        } finally {
            settle(phase, start.permit(), step);
        }
        if (step instanceof Step.Done<T> done) {
            done.after().run();
        }
        return null;
    }

    private <T> void settle(Phase<T> phase, AdaptiveLimit.Permit permit, Step<T> step) {
        AdaptiveLimit.Change change = null;
        lock.lock();
        try {
            phase.running--;
            switch (step.reply()) {
                case ANSWERED -> {
                    permit.answered();
                    backoff.answered();
                }
                case OVERLOADED -> change = permit.overloaded();
                case FAILED, NONE -> permit.released();
            }
            if (step instanceof Step.Again<T> again) {
                Duration wait = again.delay() != null ? again.delay() : backoff.failed();
                phase.waiting.add(new Waiting<>(again.next(), nanoTime.getAsLong() + wait.toNanos()));
            }
            if (change != null && change.to() < lowestReported) {
                lowestReported = change.to();
            } else {
                change = null;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (change != null) {
            lowered.accept(change);
        }
    }
}
