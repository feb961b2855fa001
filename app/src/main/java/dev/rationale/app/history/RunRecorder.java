// SPDX-License-Identifier: Apache-2.0
package dev.rationale.app.history;

import dev.rationale.app.compare.CompareColumn;
import dev.rationale.app.fx.Failures;
import dev.rationale.app.output.OutputViewModel;
import dev.rationale.app.output.RunSpec;
import dev.rationale.app.output.RunState;
import dev.rationale.core.answer.Grade;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import java.lang.System.Logger.Level;
import java.lang.System.Logger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the runs the app starts outside an evaluation (Compose's Run, each Compare column, each branch) in the
 * workspace history, each as a run of one completion once it ends: the request as sent (prompt and settings, never
 * a key), the text, reasoning and scored tokens, the grade Output shows, and how it ended. A branch keeps the request
 * of the run it branched from, and its whole answer, the kept tokens included, as Output shows it.
 *
 * <p>Where a run goes is read when it starts, so that opening another set while it runs does not move it. The
 * completion is read off its view model on the FX thread when it ends and written on the background executor; a
 * write that fails is logged and reported to {@code problems}, and the run on screen stands. A run replaced before it
 * ended (started again while running, or put aside to show a finished completion) is not kept. Touch it on the FX
 * thread.
 *
 * <p>An evaluation's completions are kept by core's {@code HistoryRecorder} as its workers finish them; a run here
 * is one completion, kept whole with its run in one transaction ({@link HistoryStore#recordRun}) once it ends.
 */
public final class RunRecorder {

    private static final Logger LOG = System.getLogger(RunRecorder.class.getName());

    private final Supplier<HistoryPlace> place;
    private final Executor fx;
    private final Executor background;
    private final Clock clock;
    private final Consumer<String> problems;
    private final Runnable recorded;

    /**
     * @param place where the open set's runs are kept, read as each run starts
     * @param problems shows why a run could not be kept (the status line)
     * @param recorded told on the FX thread when a run was kept, e.g. to list the runs again
     */
    public RunRecorder(Supplier<HistoryPlace> place, Executor fx, Executor background, Clock clock,
            Consumer<String> problems, Runnable recorded) {
        this.place = place;
        this.fx = fx;
        this.background = background;
        this.clock = clock;
        this.problems = problems;
        this.recorded = recorded;
    }

    /**
     * Keeps the runs of Compare's columns, those there now and those added later: a column run with the others as
     * {@link RunKind#COMPARE}, a branch as {@link RunKind#BRANCH}. Columns showing a finished completion run nothing.
     */
    public void watchColumns(ObservableList<CompareColumn> columns) {
        columns.forEach(this::watchColumn);
        columns.addListener((ListChangeListener<CompareColumn>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watchColumn);
            }
        });
    }

    private void watchColumn(CompareColumn column) {
        if (column.isBranch()) {
            watch(column.output(), RunKind.BRANCH);
        } else if (column.isRunnable()) {
            watch(column.output(), RunKind.COMPARE);
        }
    }

    /** Keeps every run {@code output} streams from now on as a history run of {@code kind}. */
    public void watch(OutputViewModel output, RunKind kind) {
        new Watch(output, kind).listen();
    }

    // A run under way: what it is, where it goes and when it began.
    private record Started(RunSpec spec, HistoryPlace place, Instant at) {
    }

    private final class Watch {
        private final OutputViewModel output;
        private final RunKind kind;
        private @Nullable Started started;

        Watch(OutputViewModel output, RunKind kind) {
            this.output = output;
            this.kind = kind;
        }

        void listen() {
            // Output sets a run's spec before it reports RUNNING, and clears it before it shows anything else.
            output.specProperty().addListener((obs, old, now) -> started = now == null ? null
                    : new Started(now, place.get(), clock.instant()));
            output.stateProperty().addListener((obs, old, now) -> {
                Started run = started;
                if (old.isRunning() && !now.isRunning() && run != null && run.spec() == output.getSpec()) {
                    started = null;
                    keep(run.place(), ended(run, now));
                }
            });
        }

        // Read on the FX thread, at the end, while the view model holds the whole answer.
        private Ended ended(Started run, RunState state) {
            RunSpec.Subject subject = run.spec().subject();
            Instant now = clock.instant();
            String id = Run.newId(run.at());
            Grade grade = output.getGrade();
            Verdict outcome = state == RunState.FAILED ? Verdict.FAILED
                    : grade == null ? Verdict.UNGRADED : grade.verdict();
            CompletionRecord completion = new CompletionRecord(new RunCompletionKey(id, subject.variant(),
                    subject.target(), subject.caseId(), 0), run.spec().request(), output.getText(),
                    output.getReasoning(), List.copyOf(output.getTokens()), grade == null ? null : grade.extracted(),
                    run.spec().expected(), outcome, state == RunState.FAILED ? output.failureProperty().get() : null,
                    output.getFinishReason(), output.getUsage(), output.getTimings(), now);
            Path setFile = run.place().setFile();
            Run kept = Run.started(id, kind, run.at(), setFile == null ? null : setFile.toString(),
                    subject.setName(), subject.task(), List.of(subject.variant()), List.of(subject.target()),
                    subject.settings(), 1).ended(status(state), now);
            return new Ended(kept, completion);
        }
    }

    private record Ended(Run run, CompletionRecord completion) {
    }

    private static RunStatus status(RunState state) {
        return switch (state) {
            case CANCELLED -> RunStatus.CANCELLED;
            case FAILED -> RunStatus.FAILED;
            default -> RunStatus.COMPLETED;
        };
    }

    private void keep(HistoryPlace where, Ended ended) {
        CompletableFuture.runAsync(() -> {
            try (HistoryStore store = HistoryStore.open(where.folder())) {
                store.recordRun(ended.run(), List.of(ended.completion()));
            }
        }, background).whenCompleteAsync((done, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not keep run " + ended.run().id() + " in the history", error);
                problems.accept("The run was not kept in the history: " + Failures.messageOf(error));
            } else {
                recorded.run();
            }
        }, fx);
    }
}
