// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.history.HistoryException;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A session against a MockWebServer that refuses two of four cases until told otherwise. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvaluationSessionTest {
    private final MockWebServer server = new MockWebServer();
    private final FakeChatServer sums = FakeChatServer.faultless();
    private EvaluationRunner runner;
    private EvalPlan plan;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        sums.refuse(Set.of(EvalFixtures.lastMessage(EvalFixtures.direct(), 2),
                EvalFixtures.lastMessage(EvalFixtures.direct(), 3)));
        server.setDispatcher(sums);
        server.start();
        Endpoint endpoint = new Endpoint("mock", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        var chat = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), endpoint.effectiveBaseUrl());
        runner = new EvaluationRunner(e -> chat);
        Task task = EvalFixtures.sums(4, EvalFixtures.direct());
        plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(), List.of(EvalTarget.of(endpoint, "m")),
                task.cases(), null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aResumedSessionStartsFromTheAnsweredCompletionsAndAsksTheFailedOnesAgain() throws Exception {
        Path results = dir.resolve("sums.eval.jsonl");
        EvalTally.Counts first;
        try (EvaluationSession session = EvaluationSession.open(plan, results, false, history())) {
            session.start(runner, EvalOptions.DEFAULTS, EvalListener.NONE);
            assertThat(session.await().cancelled()).isFalse();
            first = session.tally().counts();
        }
        assertThat(first).isEqualTo(new EvalTally.Counts(4, 4, 2, 2, 0, null));
        sums.refuse(Set.of());

        try (EvaluationSession session = EvaluationSession.open(plan, results, true, history())) {
            assertThat(session.tally().counts()).as("right after the resume")
                    .isEqualTo(new EvalTally.Counts(4, 2, 2, 0, 0, null));
            session.start(runner, EvalOptions.DEFAULTS, EvalListener.NONE);
            EvalOutcome outcome = session.await();
            assertThat(outcome.summary().completions()).isEqualTo(4);
            assertThat(outcome.summary().firstFailure()).isNull();
            // The server answers 2 + 3 one too high.
            assertThat(session.tally().counts()).isEqualTo(new EvalTally.Counts(4, 4, 3, 0, 0, null));
        }
        assertThat(ResultsFile.read(results)).hasSize(4);
        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.runs(RunFilter.all()).items()).extracting(Run::status)
                    .containsOnly(RunStatus.COMPLETED).hasSize(2);
        }
    }

    @Test
    void aSessionThatCannotStartMarksItsHistoryRunFailedAndClosesItsFiles() {
        EvaluationSession session = EvaluationSession.open(plan, dir.resolve("r.jsonl"), false, history());
        EvaluationRunner broken = new EvaluationRunner(e -> {
            throw new IllegalStateException("no provider");
        });

        assertThatThrownBy(() -> session.start(broken, EvalOptions.DEFAULTS, EvalListener.NONE))
                .hasMessage("no provider");

        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.runs(RunFilter.all()).items()).extracting(Run::status).containsExactly(RunStatus.FAILED);
        }
        assertThatThrownBy(() -> session.start(runner, EvalOptions.DEFAULTS, EvalListener.NONE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHistoryThatCannotBeOpenedEndsTheRunWithWhyAndKeepsWhatFinishedInTheResultsFile() throws Exception {
        // A file where the history's folder should be: the database cannot be created.
        Path workspace = Files.createDirectories(dir.resolve("blocked"));
        Files.writeString(workspace.resolve(HistoryStore.FOLDER), "not a folder");
        Path results = dir.resolve("r.jsonl");
        EvaluationSession session = EvaluationSession.open(plan, results, false,
                new EvaluationSession.History(workspace, null, RunScope.NONE, Clock.systemUTC()));

        session.start(runner, EvalOptions.DEFAULTS.withConcurrency(1), EvalListener.NONE);

        assertThatThrownBy(session::await).isInstanceOf(HistoryException.class)
                .hasMessageContaining("history");
        assertThat(ResultsFile.read(results)).isNotEmpty().hasSizeLessThan(4);
        assertThat(Files.readString(workspace.resolve(HistoryStore.FOLDER))).isEqualTo("not a folder");
    }

    private EvaluationSession.History history() {
        return new EvaluationSession.History(dir, dir.resolve("sums.rationale.json"), RunScope.NONE,
                Clock.systemUTC());
    }
}
