// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCellScores;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.history.StoredGrade;
import dev.rationale.core.history.StoredResult;
import dev.rationale.core.provider.CompletionResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One run of the history read a completion at a time, for the CSV and JSONL results: the run, its answer format,
 * and a walk over its completions in grid order that holds one of them at a time, so memory stays flat however
 * large the run. {@link RunSnapshot} is the whole run in memory, for the HTML report. Valid while its store is open;
 * every method blocks on the database.
 */
public final class StreamedRun {
    private final HistoryStore store;
    private final Run run;
    private final AnswerFormat format;

    private StreamedRun(HistoryStore store, Run run, AnswerFormat format) {
        this.store = store;
        this.run = run;
        this.format = format;
    }

    /**
     * The run {@code runId} of {@code store}, or empty when it has none.
     *
     * @throws dev.rationale.core.history.HistoryException when the history cannot be read
     */
    public static Optional<StreamedRun> open(HistoryStore store, String runId) {
        Path workspace = store.file().toAbsolutePath().getParent().getParent();
        return store.run(runId).map(run -> new StreamedRun(store, run, RunSnapshot.answerFormat(run, workspace)));
    }

    public Run run() {
        return run;
    }

    /** Hands each completion, without its request, to {@code action} in grid order; returns how many there were. */
    public long forEach(Consumer<StoredResult> action) {
        long[] count = {0};
        store.forEachResult(run.id(), completion -> {
            action.accept(completion);
            count[0]++;
        });
        return count[0];
    }

    /** Hands each completion's grade to {@code action} in grid order, texts only where tokens were scored. */
    public void forEachGrade(Consumer<StoredGrade> action) {
        store.forEachGrade(run.id(), action);
    }

    /** As {@link RunSnapshot#confidence}, for a completion's grade. */
    public @Nullable Double confidence(StoredGrade grade) {
        return grade.scored() == null ? null : RunSnapshot.confidence(format, grade.scored(), grade.failed());
    }

    /** The run's counts per variant x target. */
    public List<CellTally> cells() {
        return store.cells(run.id());
    }

    /** The scores of each cell, for a run whose answer format scores; empty otherwise. */
    public List<RunCellScores> scores() {
        return store.cellScores(run.id());
    }

    /** The completion {@code id} of this run, whole, request included. */
    public CompletionRecord completion(long id) {
        return store.completion(id).map(StoredCompletion::record).orElseThrow(() -> new HistoryException(
                "completion " + id + " of run " + run.id() + " is gone from " + store.file()));
    }

    /** As {@link RunSnapshot#confidence}, for a whole completion. */
    public @Nullable Double confidence(CompletionRecord record) {
        return RunSnapshot.confidence(format, record);
    }

    /** As {@link RunSnapshot#confidence}: the mean probability of the answer's tokens, where they were scored. */
    public @Nullable Double confidence(StoredResult result) {
        return RunSnapshot.confidence(format, new CompletionResult.Sample(result.text(), result.reasoning(),
                result.tokens(), result.row().finishReason()), result.row().failure() != null);
    }
}
