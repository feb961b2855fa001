// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.SampleRecord;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hears a batch evaluation's batches change on the runner's thread and hands a line on each to the FX thread, e.g.
 * "Batch batch_abc (OpenAI Batch, 400 requests): in_progress, 120 done". Batches change once a poll at most, so
 * each change is handed over on its own.
 */
final class BatchFeed implements EvalListener {
    private final Executor fx;
    private final Consumer<String> show;

    /** @param show gets each line on {@code fx} */
    BatchFeed(Executor fx, Consumer<String> show) {
        this.fx = fx;
        this.show = show;
    }

    @Override
    public void finished(SampleRecord record) {
    }

    @Override
    public void batchChanged(BatchRecord batch) {
        String line = "Batch " + batch.describe();
        fx.execute(() -> show.accept(line));
    }
}
