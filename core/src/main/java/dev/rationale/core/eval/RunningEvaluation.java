// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import dev.rationale.core.provider.Cancellable;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * A started evaluation: cancel it from any thread at any time, wait for it, or chain on its end.
 *
 * <p>Cancelling stops the requests in flight at once and starts no more. A completion that was cut off by the
 * cancel is not recorded (resuming asks it again); one that had finished is kept. The outcome then says
 * {@code cancelled}.
 */
public final class RunningEvaluation implements Cancellable {
    private final CompletableFuture<EvalOutcome> outcome = new CompletableFuture<>();
    private final Set<Cancellable> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** A run not yet cancelled nor ended, for a {@link PlanRunner} to complete. */
    public RunningEvaluation() {
    }

    @Override
    public void cancel() {
        cancelled = true;
        inFlight.forEach(Cancellable::cancel);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Completes, on a runner thread, with the outcome, or exceptionally when the results could not be written. */
    public CompletionStage<EvalOutcome> outcome() {
        return outcome.copy();
    }

    /**
     * Waits for the run to end.
     *
     * @throws java.io.UncheckedIOException when the results file could not be written
     * @throws InterruptedException when the waiting thread is interrupted (the run goes on; cancel it)
     */
    public EvalOutcome await() throws InterruptedException {
        return awaited(outcome);
    }

    /** The value of {@code future} once it is there; its failure rethrown as it was when unchecked. */
    static <T> T awaited(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the evaluation failed", e.getCause());
        }
    }

    /**
     * Registers work in flight that {@link #cancel} must stop; false (and nothing registered) when the run is already
     * cancelled.
     */
    public boolean track(Cancellable request) {
        inFlight.add(request);
        // Checked after adding: either cancel() sees the request or this sees the flag, never neither.
        if (cancelled) {
            inFlight.remove(request);
            return false;
        }
        return true;
    }

    public void untrack(Cancellable request) {
        inFlight.remove(request);
    }

    /** Ends the run with {@code result}; for the {@link PlanRunner} that started it. */
    public void complete(EvalOutcome result) {
        outcome.complete(result);
    }

    /** Ends the run with {@code error}; for the {@link PlanRunner} that started it. */
    public void fail(Throwable error) {
        outcome.completeExceptionally(error);
    }
}
