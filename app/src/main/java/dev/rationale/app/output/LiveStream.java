// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.output;

import dev.rationale.app.fx.FxBatcher;
import dev.rationale.core.provider.Cancellable;
import dev.rationale.core.provider.CompletionEvent;
import dev.rationale.core.provider.CompletionListener;
import dev.rationale.core.provider.TokenIdListener;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one stream an Output follows at a time: its events batched onto the FX thread, at most one batch a frame
 * (see {@link FxBatcher#oncePerFrame}), its handle for Stop, and a generation count, so that what a stream still
 * sends once it was replaced or forgotten is dropped instead of being mixed into the next run's answer. Touch it
 * on the FX thread only.
 */
final class LiveStream {

    private final Executor fx;
    private @Nullable Cancellable running;
    private int generation;

    LiveStream(Executor fx) {
        this.fx = fx;
    }

    /**
     * Follows a new stream in place of the last: {@code starter} starts it with a listener and {@code ids}; its
     * events go to {@code onBatch}, on the FX thread, in batches, while it is the one followed.
     *
     * @throws dev.rationale.core.provider.ProviderException when the backend refuses the request up front
     */
    void follow(BiFunction<CompletionListener, TokenIdListener, Cancellable> starter, TokenIdListener ids,
            Consumer<List<CompletionEvent>> onBatch) {
        int mine = ++generation;
        running = null;
        FxBatcher<CompletionEvent> batcher = FxBatcher.oncePerFrame(fx, batch -> {
            if (mine == generation) {
                onBatch.accept(batch);
            }
        });
        running = starter.apply(batcher::add, ids);
    }

    /** Cancels the stream followed, if one runs; its end still arrives, as a CANCELLED finish. */
    void cancel() {
        Cancellable handle = running;
        if (handle != null) {
            handle.cancel();
        }
    }

    /** The stream followed has ended: nothing is left to cancel. */
    void ended() {
        running = null;
    }

    /** Stops following: whatever the stream still sends is dropped. */
    void forget() {
        ++generation;
        running = null;
    }
}
