// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.analysis.AtK;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner against an OpenAI-compatible MockWebServer, with injected faults, cancelling and resuming. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvaluationRunnerTest {
    private final MockWebServer server = new MockWebServer();
    private Endpoint endpoint;
    private Function<Endpoint, dev.rationale.core.provider.CompletionProvider> providers;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
        endpoint = new Endpoint("mock", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        // The retry policy's waits are recorded, not slept: a 500's back-off costs no time.
        var chat = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), endpoint.effectiveBaseUrl());
        providers = e -> chat;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyCompletionEndsCorrectWrongOrFailedWithAReasonUnderInjectedFaults() throws Exception {
        server.setDispatcher(new FakeChatServer(42, 0.05, 0.02, 0.01));
        Task task = EvalFixtures.sums(50, EvalFixtures.direct(), EvalFixtures.voting(3));
        EvalPlan plan = plan(task, "m1", "m2");
        Path file = dir.resolve("results.jsonl");

        EvalOutcome outcome;
        try (ResultsFile results = ResultsFile.create(file)) {
            outcome = new EvaluationRunner(providers).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }

        assertThat(plan.totalCompletions()).isEqualTo(400);
        assertThat(outcome.cancelled()).isFalse();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(400);
        Map<CompletionKey, Long> perKey = ResultsFile.read(file).stream()
                .collect(Collectors.groupingBy(SampleRecord::key, Collectors.counting()));
        assertThat(perKey.keySet()).containsExactlyInAnyOrderElementsOf(plan.keys());
        List<SampleRecord> records = ResultsFile.read(file);
        assertThat(outcome.summary().completions()).isEqualTo(400);
        for (SampleRecord record : records) {
            assertThat(record.status()).isIn(Verdict.CORRECT, Verdict.WRONG, Verdict.FAILED);
            if (record.status() == Verdict.FAILED) {
                assertThat(record.reason()).isNotBlank();
                assertThat(record.errorKind()).isNotBlank();
            }
        }
        // Faults were met (more requests than the 200 a clean run sends) and the policy absorbed them.
        assertThat(server.getRequestCount()).isGreaterThan(200);
        assertThat(records.stream().filter(r -> r.attempts() == 2).count()).as("streams asked again")
                .isPositive();
        EvalReport report = EvalReport.of(plan, records);
        assertThat(report.cases()).hasSize(200);
        assertThat(outcome.summary().cells()).extracting(CellMetrics::correct, CellMetrics::wrong, CellMetrics::failed)
                .isEqualTo(report.cells().stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.correct(),
                        c.wrong(), c.failed())).toList());
        for (CellMetrics cell : outcome.summary().cells()) {
            assertThat(cell.correct() + cell.wrong() + cell.failed()).isEqualTo(50);
            assertThat(cell.pending()).isZero();
            // Sums that are multiples of 5 are answered one too high: 10 of the 50.
            assertThat(cell.wrong()).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void severalSamplesGoInOneRequestWhereTheProviderReturnsSeveral() throws Exception {
        FakeChatServer fake = FakeChatServer.faultless();
        server.setDispatcher(fake);
        EvalPlan plan = plan(EvalFixtures.sums(4, EvalFixtures.voting(5)), "m1");

        EvalOutcome outcome;
        try (ResultsFile results = ResultsFile.create(dir.resolve("r.jsonl"))) {
            outcome = new EvaluationRunner(providers).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }

        assertThat(ResultsFile.read(dir.resolve("r.jsonl"))).hasSize(20);
        assertThat(server.getRequestCount()).isEqualTo(4);
        EvalSummary report = outcome.summary();
        assertThat(report.cells().getFirst().meanVoteShare()).isEqualTo(1.0);
        // Five samples a case: k = 1, 2, 4; the samples of a case all agree, so each figure is the accuracy.
        CellMetrics cell = report.cells().getFirst();
        assertThat(cell.atK()).extracting(AtK::k).containsExactly(1, 2, 4);
        assertThat(cell.atK()).allSatisfy(at -> assertThat(List.of(at.pass(), at.maj(), at.cons()))
                .containsOnly(cell.accuracy()));
        // Usage is on each request's first sample only: 10 prompt tokens per request.
        assertThat(report.cells().getFirst().promptTokens()).isEqualTo(40);
    }

    @Test
    void aCancelledRunResumesWithoutAskingAnyFinishedCompletionAgain() throws Exception {
        FakeChatServer fake = FakeChatServer.faultless();
        server.setDispatcher(fake);
        Task task = EvalFixtures.sums(30, EvalFixtures.direct(), EvalFixtures.stepByStep());
        EvalPlan plan = plan(task, "m1", "m2");
        Path file = dir.resolve("results.jsonl");

        AtomicInteger seen = new AtomicInteger();
        RunningEvaluation[] first = new RunningEvaluation[1];
        EvalOutcome stopped;
        try (ResultsFile results = ResultsFile.create(file)) {
            first[0] = new EvaluationRunner(providers).start(plan, results, EvalOptions.DEFAULTS, record -> {
                if (seen.incrementAndGet() == 50) {
                    first[0].cancel();
                }
            });
            stopped = first[0].await();
        }
        assertThat(stopped.cancelled()).isTrue();
        List<SampleRecord> finished = ResultsFile.read(file);
        assertThat(finished.size()).isBetween(50, 119);
        int requestsBefore = fake.log().size();

        EvalOutcome resumed;
        try (ResultsFile results = ResultsFile.resume(file)) {
            List<SampleRecord> previous = new ArrayList<>();
            results.forEachPrevious(previous::add, score -> { });
            assertThat(previous).hasSize(finished.size());
            resumed = new EvaluationRunner(providers).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }

        assertThat(resumed.cancelled()).isFalse();
        assertThat(resumed.summary().completions()).isEqualTo(120);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(120);
        Set<String> askedAgain = new HashSet<>(fake.log().subList(requestsBefore, fake.log().size()));
        for (SampleRecord record : finished) {
            assertThat(askedAgain).doesNotContain(requestKey(task, record));
        }
        assertThat(fake.log().size() - requestsBefore).isEqualTo(120 - finished.size());
        resumed.summary().cells().forEach(cell -> assertThat(cell.correct() + cell.wrong()).isEqualTo(30));
        assertThat(resumed.summary().cells()).isEqualTo(EvalReport.of(plan, ResultsFile.read(file)).cells());
    }

    @Test
    void aRefusedKeyStopsTheEndpointAndRecordsEveryCompletionAsFailed() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                requests.incrementAndGet();
                return new mockwebserver3.MockResponse.Builder().code(401)
                        .body("{\"error\":{\"message\":\"Incorrect API key provided.\"}}").build();
            }
        });
        EvalPlan plan = plan(EvalFixtures.sums(40, EvalFixtures.direct()), "m1");

        EvalOutcome outcome;
        try (ResultsFile results = ResultsFile.create(dir.resolve("r.jsonl"))) {
            outcome = new EvaluationRunner(providers).start(plan, results, EvalOptions.DEFAULTS.withConcurrency(1),
                    EvalListener.NONE).await();
        }

        assertThat(ResultsFile.read(dir.resolve("r.jsonl"))).hasSize(40).allMatch(r -> r.status() == Verdict.FAILED
                && "AUTHENTICATION".equals(r.errorKind()) && r.reason() != null);
        assertThat(requests.get()).isEqualTo(1);
        assertThat(outcome.summary().cells().getFirst().failed()).isEqualTo(40);
        assertThat(outcome.summary().allFailed()).isTrue();
        assertThat(outcome.summary().firstFailure()).isNotNull();
    }

    private EvalPlan plan(Task task, String... models) {
        List<EvalTarget> targets = java.util.Arrays.stream(models).map(m -> EvalTarget.of(endpoint, m)).toList();
        return new EvalPlan(EvalFixtures.set(task), task, task.variants(), targets, task.cases(), null);
    }

    private static String requestKey(Task task, SampleRecord record) {
        Variant variant = task.variant(record.variant()).orElseThrow();
        int index = Integer.parseInt(record.testCase().substring(1));
        return FakeChatServer.key(record.model(), EvalFixtures.lastMessage(variant, index));
    }
}
