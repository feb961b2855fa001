// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.core.history.HistoryStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Queries of the shown workspace's history: each opens the store on the background executor, reads, closes it, and
 * hands the result (or the failure) to the FX executor. Opening for one query is cheap for SQLite, and the file may
 * change between queries.
 */
final class HistoryQueries {

    private final Supplier<@Nullable Path> workspace;
    private final Executor fx;
    private final Executor background;
    private final Consumer<Throwable> failed;

    /** @param failed told on the FX thread when a query fails */
    HistoryQueries(Supplier<@Nullable Path> workspace, Executor fx, Executor background, Consumer<Throwable> failed) {
        this.workspace = workspace;
        this.fx = fx;
        this.background = background;
        this.failed = failed;
    }

    /** The folder whose history is shown now; null when there is none. */
    @Nullable Path folder() {
        return workspace.get();
    }

    /** Reads with {@code read} off the FX thread and shows the result with {@code show} on it; no folder, no query. */
    <T> void ask(Function<HistoryStore, T> read, Consumer<T> show) {
        Path folder = workspace.get();
        if (folder == null) {
            return;
        }
        CompletableFuture.supplyAsync(() -> {
            try (HistoryStore store = HistoryStore.open(folder)) {
                return read.apply(store);
            }
        }, background).whenCompleteAsync((result, error) -> {
            if (error != null) {
                failed.accept(error);
            } else {
                show.accept(result);
            }
        }, fx);
    }
}
