// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.concurrent.Uninterruptibly;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation's history run, opened and written on a thread of its own.
 *
 * <p>Opening (loading SQLite, opening, creating or migrating the database) takes tens of milliseconds that the first
 * requests need not wait for. Completions are then handed to the thread, which gathers them for up to a tenth of a
 * second and stores each batch in one transaction. Stored from the requests' own threads, each completion paid for
 * a transaction of its own or waited for a shared one, and SQLite's native calls held one of the few threads that
 * carry them: at concurrency 8 against a server that answers at once, the history took 12-22% of the evaluation's
 * processor time, and now about 2%. The results file, written before the history hears of a
 * completion, remains what a resume reads; a crash loses at most the history's last tenth of a second.
 *
 * <p>A history that cannot be opened or written stops the evaluation: the next completion handed over, or the end
 * of the run, throws why. At most {@value #QUEUED} completions wait; more wait for room, so a database held by
 * another process slows the run instead of filling the heap.
 */
final class HistoryWriter implements EvalListener {
    static final int QUEUED = 256;
    private static final Duration GATHER = Duration.ofMillis(100);

    private record Opened(HistoryStore store, HistoryRecorder recorder) {
    }

    /** What the writer is handed, in order. */
    private sealed interface Entry {
    }

    private record Finished(SampleRecord record, @Nullable CompletionRequest request,
            CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) implements Entry {
    }

    private record BatchChanged(BatchRecord batch) implements Entry {
    }

    private record End() implements Entry {
    }

    private final CompletableFuture<Opened> opened = new CompletableFuture<>();
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUED);
    private final AtomicBoolean ending = new AtomicBoolean();
    private final Thread writer;
    private volatile @Nullable RuntimeException failure;

    private HistoryWriter(EvalPlan plan, EvaluationSession.History history) {
        writer = Thread.ofPlatform().daemon().name("history").unstarted(() -> write(plan, history));
    }

    /** Starts opening the history of {@code history}'s workspace and a run in it for {@code plan}. */
    static HistoryWriter start(EvalPlan plan, EvaluationSession.History history) {
        HistoryWriter started = new HistoryWriter(plan, history);
        started.writer.start();
        return started;
    }

    /** The history run's id; waits for the opening. */
    String runId() {
        return recorder().runId();
    }

    /** Stores what is still queued, then marks the run completed or cancelled. */
    void finish(boolean cancelled) {
        end();
        recorder().finish(cancelled);
    }

    /** Stores what is still queued, then marks the run failed. */
    void fail() {
        end();
        recorder().fail();
    }

    @Override
    public void finished(SampleRecord record) {
        hand(new Finished(record, null, null, null));
    }

    @Override
    public void finished(SampleRecord record, @Nullable CompletionRequest request,
            CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) {
        hand(new Finished(record, request, sample, result));
    }

    @Override
    public void batchChanged(BatchRecord batch) {
        hand(new BatchChanged(batch));
    }

    /** Stores what is queued and closes the database once it is open; one never opened has nothing to close. */
    void close() {
        try {
            end();
        } catch (RuntimeException reported) {
            // Said where the history was used; closing goes on.
        }
        // The writer has ended, so the opening has too, one way or the other.
        if (!opened.isCompletedExceptionally()) {
            opened.join().store().close();
        }
    }

    private void hand(Entry entry) {
        throwIfFailed();
        if (ending.get()) {
            throw new IllegalStateException("the history run has ended");
        }
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("interrupted while handing a completion to the history", e);
        }
    }

    // Once: the writer stores what is queued, then stops; later calls only report a failure.
    private void end() {
        if (ending.compareAndSet(false, true)) {
            Uninterruptibly.put(queue, new End());
            Uninterruptibly.join(writer);
        }
        throwIfFailed();
    }

    private void throwIfFailed() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    private HistoryRecorder recorder() {
        try {
            return opened.join().recorder();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new HistoryException("cannot open the history: " + e.getCause(), e.getCause());
        }
    }

    // The writer thread: opens the run, then stores batches until the end; after a failure it only drains the
    // queue, so that nobody waits for room that never comes.
    private void write(EvalPlan plan, EvaluationSession.History history) {
        HistoryRecorder recorder = null;
        try {
            HistoryStore store = HistoryStore.open(history.workspace());
            try {
                recorder = HistoryRecorder.start(store, plan, history.setFile(), history.scope(), history.clock());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            opened.complete(new Opened(store, recorder));
        } catch (RuntimeException e) {
            failure = e;
            opened.completeExceptionally(e);
        }
        List<Entry> batch = new ArrayList<>();
        boolean end = false;
        while (!end) {
            try {
                gather(batch);
            } catch (InterruptedException e) {
                // Nobody interrupts this thread; what was gathered is stored, and the entries still come.
            }
            end = !batch.isEmpty() && batch.getLast() instanceof End;
            if (failure == null && recorder != null) {
                try {
                    store(recorder, batch);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            batch.clear();
        }
    }

    // The next batch: what comes within GATHER of its first entry, or until half the queue's room or the end. Nobody
    // waits for the history, so a commit a tenth of a second at most does for dozens of completions instead of a few.
    private void gather(List<Entry> batch) throws InterruptedException {
        batch.add(queue.take());
        long due = System.nanoTime() + GATHER.toNanos();
        while (!(batch.getLast() instanceof End) && batch.size() < QUEUED / 2) {
            long left = due - System.nanoTime();
            Entry next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, QUEUED / 2 - batch.size());
        }
    }

    // Completions in one transaction; a batch's change in between keeps its place after the completions before it.
    private static void store(HistoryRecorder recorder, List<Entry> batch) {
        List<CompletionRecord> completions = new ArrayList<>(batch.size());
        for (Entry entry : batch) {
            switch (entry) {
                case Finished f -> completions.add(recorder.completionOf(f.record(), f.request(), f.sample(),
                        f.result()));
                case BatchChanged b -> {
                    recordAll(recorder, completions);
                    recorder.batchChanged(b.batch());
                }
                case End e -> {
                    // the loop ends after this batch
                }
            }
        }
        recordAll(recorder, completions);
    }

    private static void recordAll(HistoryRecorder recorder, List<CompletionRecord> completions) {
        if (!completions.isEmpty()) {
            recorder.recordAll(completions);
            completions.clear();
        }
    }
}
