// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.evaluate;

import dev.rationale.app.fx.FxBatcher;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalTally;
import dev.rationale.core.eval.LikelihoodRecord;
import dev.rationale.core.eval.SampleRecord;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Hears an evaluation session's completions and likelihood scores on the runner's threads and hands the session's
 * tally to the FX thread: at once as it stands (after a resume, what the results file held), then in batches. The
 * session counts before its listener hears, so each batch shows them.
 */
final class TallyFeed implements EvalListener {
    private final FxBatcher<Record> batcher;

    /** @param show gets the counts on {@code fx} */
    TallyFeed(Executor fx, EvalTally tally, Consumer<EvalTally.Counts> show) {
        this.batcher = new FxBatcher<>(fx, batch -> show.accept(tally.counts()));
        EvalTally.Counts opened = tally.counts();
        fx.execute(() -> show.accept(opened));
    }

    @Override
    public void finished(SampleRecord record) {
        batcher.add(record);
    }

    // Scoring follows each phase's completions, so the bar can be full while options are still being scored.
    @Override
    public void scored(LikelihoodRecord record) {
        batcher.add(record);
    }
}
