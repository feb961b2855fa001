// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.StoredCompletion;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The history run an evaluation writes on a thread of its own. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HistoryWriterTest {
    private static final Endpoint ENDPOINT = new Endpoint("mock", ProviderKind.OPENAI, "http://localhost:1/v1", null,
            null);

    private final Task task = EvalFixtures.sums(4, EvalFixtures.direct());
    private final EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
            List.of(EvalTarget.of(ENDPOINT, "m")), task.cases(), null);

    @TempDir
    Path dir;

    @Test
    void everyCompletionHandedOverIsStoredInOrderByTheTimeTheRunIsMarkedFinished() {
        // More than the queue holds, handed over at once from the start: the first wait for the opening, the last
        // for room.
        int count = HistoryWriter.QUEUED * 3 + 7;
        HistoryWriter history = HistoryWriter.start(plan, history());
        for (int i = 0; i < count; i++) {
            history.finished(record(i));
        }
        history.finish(false);
        String runId = history.runId();
        history.close();

        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.run(runId)).map(Run::status).contains(RunStatus.COMPLETED);
            List<StoredCompletion> stored = store.completionsOfRun(runId);
            assertThat(stored.stream().sorted(Comparator.comparingLong(StoredCompletion::id))
                    .map(c -> c.record().text()).toList()).as("in the order handed over")
                    .isEqualTo(IntStream.range(0, count).mapToObj(i -> "answer " + i).toList());
        }
    }

    @Test
    void aCallerInterruptedBeforeTheEndStillHasEverythingStoredAndKeepsItsInterrupt() {
        HistoryWriter history = HistoryWriter.start(plan, history());
        for (int i = 0; i < 10; i++) {
            history.finished(record(i));
        }
        Thread.currentThread().interrupt();
        try {
            history.finish(false);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        String runId = history.runId();
        history.close();

        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.run(runId)).map(Run::status).contains(RunStatus.COMPLETED);
            assertThat(store.completionsOfRun(runId)).hasSize(10);
        }
    }

    @Test
    void aWriteThatFailsIsReportedByTheRunsEndAndByEveryLaterHandOver() {
        HistoryWriter history = HistoryWriter.start(plan, history());
        String runId = history.runId();
        // Another connection deletes the run: its completions can no longer be stored.
        try (HistoryStore other = HistoryStore.open(dir)) {
            assertThat(other.deleteRun(runId)).isTrue();
        }
        history.finished(record(0));

        assertThatThrownBy(() -> history.finish(false)).isInstanceOf(HistoryException.class);
        assertThatThrownBy(() -> history.finished(record(1))).isInstanceOf(HistoryException.class);
        history.close();
    }

    @Test
    void aHistoryThatCannotBeOpenedSaysWhyAtTheFirstHandOverAfterIt() throws Exception {
        Files.writeString(dir.resolve(HistoryStore.FOLDER), "not a folder");
        HistoryWriter history = HistoryWriter.start(plan, history());

        assertThatThrownBy(history::runId).isInstanceOf(HistoryException.class);
        assertThatThrownBy(() -> history.finished(record(0))).isInstanceOf(HistoryException.class);
        assertThatThrownBy(history::fail).isInstanceOf(HistoryException.class);
        history.close();
    }

    private EvaluationSession.History history() {
        return new EvaluationSession.History(dir, null, RunScope.NONE, Clock.systemUTC());
    }

    private SampleRecord record(int i) {
        return new SampleRecord("sums", "direct", plan.targets().getFirst().id(), "c" + i, 0, "mock", "m",
                Verdict.CORRECT, "10", "10", null, null, "answer " + i, null, null, null, 1, null, null, null, null,
                null, null);
    }
}
