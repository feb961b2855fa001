// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.exchange;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CellTally;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCellScores;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.StoredCompletion;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the HTML report is made from: the run, its cells, one light pass over its completions (key, grade, answer
 * probability), then the few completions it shows, whole, by id. A run read whole ({@link RunSnapshot}) and a run
 * read from the history a completion at a time ({@link StreamedRun}) both serve; the second keeps memory to the
 * cases' grades however large the run.
 */
interface ReportSource {

    /** One completion as the light pass gives it. */
    @FunctionalInterface
    interface GradeSink {
        void accept(long id, RunCompletionKey key, Verdict grade, @Nullable Double confidence);
    }

    /** One completion as the light pass gives it, handed from the reader's thread. */
    record Graded(long id, RunCompletionKey key, Verdict grade, @Nullable Double confidence) {
    }

    Run run();

    List<CellTally> cells();

    /** The scores of each cell, for a run whose answer format scores; empty otherwise. */
    List<RunCellScores> scores();

    /** Every completion of the run in grid order, without its texts kept. */
    void forEachGrade(GradeSink sink);

    /** The completion {@code id}, whole. */
    CompletionRecord completion(long id);

    /** The mean probability of its answer's tokens, where they were scored. */
    @Nullable Double confidence(CompletionRecord record);

    static ReportSource of(RunSnapshot snapshot) {
        Map<Long, CompletionRecord> byId = snapshot.completions().stream()
                .collect(Collectors.toMap(StoredCompletion::id, StoredCompletion::record));
        return new ReportSource() {
            @Override
            public Run run() {
                return snapshot.run();
            }

            @Override
            public List<CellTally> cells() {
                return snapshot.cells();
            }

            @Override
            public List<RunCellScores> scores() {
                return snapshot.scores();
            }

            @Override
            public void forEachGrade(GradeSink sink) {
                snapshot.completions().forEach(c -> sink.accept(c.id(), c.record().key(), c.record().grade(),
                        snapshot.confidence(c.record())));
            }

            @Override
            public CompletionRecord completion(long id) {
                return byId.get(id);
            }

            @Override
            public @Nullable Double confidence(CompletionRecord record) {
                return snapshot.confidence(record);
            }
        };
    }

    static ReportSource of(StreamedRun run) {
        List<CellTally> cells = run.cells();
        return new ReportSource() {
            @Override
            public Run run() {
                return run.run();
            }

            @Override
            public List<CellTally> cells() {
                return cells;
            }

            @Override
            public List<RunCellScores> scores() {
                return run.scores();
            }

            // Read and weighed on a thread of their own while the report gathers them.
            @Override
            public void forEachGrade(GradeSink sink) {
                ReadAhead.<Graded>run(grades -> run.forEachGrade(g -> grades.accept(new Graded(g.id(), g.key(),
                        g.grade(), run.confidence(g)))), g -> sink.accept(g.id(), g.key(), g.grade(), g.confidence()));
            }

            @Override
            public CompletionRecord completion(long id) {
                return run.completion(id);
            }

            @Override
            public @Nullable Double confidence(CompletionRecord record) {
                return run.confidence(record);
            }
        };
    }
}
