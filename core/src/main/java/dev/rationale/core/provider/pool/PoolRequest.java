// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.provider.pool;

import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.Timings;
import org.jspecify.annotations.Nullable;

/**
 * One caller's request on its way through a pool: waiting for a member, or sent to one. Its attempts are counted
 * so that a request no member can serve ends as failed instead of going round for ever. The caller's handle:
 * cancelling cancels the member's stream, or ends a waiting request at once. Its fields are guarded by the pool's
 * lock.
 */
final class PoolRequest implements Cancellable {
    final CompletionRequest request;
    final CompletionListener listener;
    private final Runnable onCancel;
    private final long createdAt = System.nanoTime();
    private int attempts;
    private boolean cancelled;
    private @Nullable Cancellable sent;

    PoolRequest(CompletionRequest request, CompletionListener listener, Runnable onCancel) {
        this.request = request;
        this.listener = listener;
        this.onCancel = onCancel;
    }

    int attempts() {
        return attempts;
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** One more attempt begins; its handle comes with {@link #sentAs}. */
    void attempt() {
        attempts++;
        sent = null;
    }

    /** The member's handle for the attempt in flight; false when the caller cancelled meanwhile. */
    boolean sentAs(Cancellable handle) {
        sent = handle;
        return !cancelled;
    }

    /** The attempt is over and the request waits again for a member. */
    void waiting() {
        sent = null;
    }

    /**
     * Marks it cancelled; returns the member's stream to cancel, or null when it was waiting (then the pool ends
     * it) or already cancelled.
     */
    @Nullable Cancellable markCancelled() {
        if (cancelled) {
            return null;
        }
        cancelled = true;
        return sent;
    }

    @Override
    public void cancel() {
        onCancel.run();
    }

    /** Ends a request cancelled while it waited, as a provider ends a cancelled stream. */
    void endCancelled() {
        for (int i = 0; i < request.samples(); i++) {
            listener.onEvent(new CompletionEvent.SampleFinished(i, FinishReason.CANCELLED));
        }
        listener.onEvent(new CompletionEvent.Completed(new Timings(null, (System.nanoTime() - createdAt) / 1e6)));
    }
}
