// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.CompletionResult;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation's history run, opened on a thread of its own: loading SQLite and opening, creating or migrating the
 * database takes tens of milliseconds that the first request need not wait for. A completion that finishes before
 * the run is open waits for it (after its request's slot is handed on); if the history cannot be opened, every use
 * throws why, which stops the evaluation at its first completion, already kept in the results file.
 */
final class OpeningHistory implements EvalListener {

    private record Opened(HistoryStore store, HistoryRecorder recorder) {
    }

    private final FutureTask<Opened> opening;

    private OpeningHistory(FutureTask<Opened> opening) {
        this.opening = opening;
    }

    /** Starts opening the history of {@code history}'s workspace and a run in it for {@code plan}. */
    static OpeningHistory start(EvalPlan plan, EvaluationSession.History history) {
        FutureTask<Opened> opening = new FutureTask<>(() -> {
            HistoryStore store = HistoryStore.open(history.workspace());
            try {
                return new Opened(store, HistoryRecorder.start(store, plan, history.setFile(), history.scope(),
                        history.clock()));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        });
        Thread.ofVirtual().name("history-open").start(opening);
        return new OpeningHistory(opening);
    }

    /** The history run's id; waits for the opening. */
    String runId() {
        return recorder().runId();
    }

    void finish(boolean cancelled) {
        recorder().finish(cancelled);
    }

    void fail() {
        recorder().fail();
    }

    @Override
    public void finished(SampleRecord record) {
        recorder().finished(record);
    }

    @Override
    public void finished(SampleRecord record, @Nullable CompletionRequest request,
            CompletionResult.@Nullable Sample sample, @Nullable CompletionResult result) {
        recorder().finished(record, request, sample, result);
    }

    @Override
    public void batchChanged(BatchRecord batch) {
        recorder().batchChanged(batch);
    }

    /** Closes the database once it is open; a history that could not be opened has nothing to close. */
    void close() {
        try {
            opening.get().store().close();
        } catch (ExecutionException e) {
            // Never opened: the failure was reported where the history was used.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HistoryRecorder recorder() {
        try {
            return opening.get().recorder();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new HistoryException("cannot open the history: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("interrupted while opening the history", e);
        }
    }
}
