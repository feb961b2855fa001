// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rationale.core.RationaleException;
import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.batch.FakeBatchServer.Fate;
import dev.rationale.core.batch.FakeBatchServer.Provider;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.EvalListener;
import dev.rationale.core.eval.EvalOptions;
import dev.rationale.core.eval.EvalOutcome;
import dev.rationale.core.eval.EvalPlan;
import dev.rationale.core.eval.EvalTarget;
import dev.rationale.core.eval.EvaluationSession;
import dev.rationale.core.eval.OfflineEvaluation;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.exchange.BatchCustomIds;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.RunBatch;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptShape;
import dev.rationale.core.promptset.PromptTemplate;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import dev.rationale.core.promptset.Variant;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.anthropic.AnthropicBatchApi;
import dev.rationale.core.provider.batch.BatchApi;
import dev.rationale.core.provider.batch.BatchItem;
import dev.rationale.core.provider.batch.BatchLimits;
import dev.rationale.core.provider.batch.BatchState;
import dev.rationale.core.provider.gemini.GeminiBatchApi;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiBatchApi;
import dev.rationale.core.provider.openai.OpenAiOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluations through each provider's batch API against MockWebServer answering as the documented APIs do: create,
 * in progress, completed with partial errors, expired, cancelled; split above limits; resumed by a new session.
 */
class BatchRunnerTest {
    private static final BatchOptions FAST = BatchOptions.DEFAULTS.withPollInterval(Duration.ofMillis(5));

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final OkHttpClient client = TestHttp.client(new TestHttp.FakeSleeper());
    private final List<BatchRecord> heard = new CopyOnWriteArrayList<>();
    private FakeBatchServer fake;

    @AfterEach
    void stop() {
        server.close();
    }

    private EvalPlan plan(Provider provider, int cases) throws Exception {
        fake = new FakeBatchServer(provider, "");
        server.setDispatcher(fake);
        server.start();
        fake = new FakeBatchServer(provider, server.url("/").toString());
        server.setDispatcher(fake);
        String base = switch (provider) {
            case OPENAI -> server.url("/v1").toString();
            case ANTHROPIC -> server.url("/").toString();
            case GEMINI -> server.url("/v1beta").toString();
        };
        ProviderKind kind = switch (provider) {
            case OPENAI -> ProviderKind.OPENAI;
            case ANTHROPIC -> ProviderKind.ANTHROPIC;
            case GEMINI -> ProviderKind.GEMINI;
        };
        List<TestCase> list = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            list.add(new TestCase("c" + i, Map.of("question", "What is " + i + " + 3?"), String.valueOf(i + 3)));
        }
        Variant direct = Variant.named("direct").withShape(PromptShape.CHAT);
        Variant vote = new Variant("vote", null, null, List.of(), null, null, null, null, PromptShape.CHAT, null,
                null, 2, new GenerationSettings(0.7, null, null, null, null, null));
        Task task = new Task("sums", null, null, new PromptTemplate(null, "Q: {{question}}", null, null, null),
                new AnswerFormat(ExtractRule.ANSWER_IS, null, null, null, CompareRule.NUMERIC), List.of(), list,
                List.of(direct, vote));
        Endpoint endpoint = new Endpoint("hosted", kind, base, null, null);
        return new EvalPlan(PromptSet.of("sums", List.of(task)), task, task.variants(),
                List.of(EvalTarget.of(endpoint, "model-x")), list, null);
    }

    private BatchApi api(Endpoint endpoint) {
        return switch (endpoint.kind()) {
            case OPENAI -> new OpenAiBatchApi(client, endpoint.effectiveBaseUrl(), OpenAiOptions.defaults()
                    .withTokenLimit(OpenAiOptions.TokenLimit.MAX_COMPLETION_TOKENS));
            case ANTHROPIC -> new AnthropicBatchApi(client, endpoint.effectiveBaseUrl());
            case GEMINI -> new GeminiBatchApi(client, endpoint.effectiveBaseUrl());
            default -> throw new IllegalArgumentException(endpoint.kind().id());
        };
    }

    private Path results() {
        return dir.resolve("sums.eval.jsonl");
    }

    private EvaluationSession.History history() {
        return new EvaluationSession.History(dir, null, RunScope.NONE, Clock.systemUTC());
    }

    private EvalOutcome run(EvalPlan plan, boolean resume, BatchOptions options) throws InterruptedException {
        try (EvaluationSession session = EvaluationSession.open(plan, results(), resume, history())) {
            session.start(new BatchRunner(this::api, options), EvalOptions.DEFAULTS, listener());
            return session.await();
        }
    }

    private EvalListener listener() {
        return onBatch(heard::add);
    }

    /** A listener that hands each batch change to {@code changed} and ignores completions. */
    private static EvalListener onBatch(java.util.function.Consumer<BatchRecord> changed) {
        return new EvalListener() {
            @Override
            public void finished(SampleRecord record) {
            }

            @Override
            public void batchChanged(BatchRecord batch) {
                changed.accept(batch);
            }
        };
    }

    private static String status(SampleRecord r) {
        return r.variant() + "/" + r.testCase() + "/" + r.sample() + "=" + r.status();
    }

    @Test
    void openAiUploadsCreatesPollsAndGradesBothFilesThenResumeSendsOnlyTheFailures() throws Exception {
        EvalPlan plan = plan(Provider.OPENAI, 3);
        fake.fates = (batch, id) -> batch > 0 ? Fate.RIGHT
                : id.startsWith("sums_direct_c1-") ? Fate.REFUSED
                : id.startsWith("sums_vote_c2-") && id.endsWith("-1") ? Fate.EXPIRED
                : id.startsWith("sums_direct_c0-") ? Fate.DROPPED
                : id.startsWith("sums_vote_c1-") && id.endsWith("-0") ? Fate.WRONG : Fate.RIGHT;

        EvalOutcome first = run(plan, false, FAST);

        assertThat(first.cancelled()).isFalse();
        RecordedRequest upload = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(upload.getUrl().encodedPath()).isEqualTo("/v1/files");
        assertThat(upload.getBody().utf8()).contains("name=\"purpose\"").contains("batch")
                .contains("\"url\":\"/v1/chat/completions\"").contains("\"stream\":false");
        RecordedRequest create = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(create.getBody().utf8()).contains("\"input_file_id\":\"file-in-0\"")
                .contains("\"completion_window\":\"24h\"");
        assertThat(fake.batches).singleElement().satisfies(b -> assertThat(b.requests).hasSize(9));
        List<SampleRecord> records = ResultsFile.read(results());
        assertThat(records).extracting(BatchRunnerTest::status).containsExactlyInAnyOrder(
                "direct/c0/0=FAILED", "vote/c0/0=CORRECT", "vote/c0/1=CORRECT",
                "direct/c1/0=FAILED", "vote/c1/0=WRONG", "vote/c1/1=CORRECT",
                "direct/c2/0=CORRECT", "vote/c2/0=CORRECT", "vote/c2/1=FAILED");
        assertThat(records).allSatisfy(r -> assertThat(r.batch()).isEqualTo("batch_0"));
        assertThat(reason(records, "direct", "c1")).contains("HTTP 400").contains("Invalid 'messages'");
        assertThat(reason(records, "vote", "c2")).contains("batch_expired");
        assertThat(reason(records, "direct", "c0")).isEqualTo("OpenAI Batch: batch batch_0 ended without an answer"
                + " for this request");
        assertThat(ResultsFile.batches(results())).singleElement().satisfies(b -> {
            assertThat(b.state()).isEqualTo(BatchState.COMPLETED);
            assertThat(b.imported()).isTrue();
            assertThat(b.slots()).containsExactly(List.of(0, 8));
        });
        assertThat(heard).extracting(BatchRecord::providerState).startsWith("submitted").contains("in_progress")
                .endsWith("completed");
        try (HistoryStore store = HistoryStore.open(dir)) {
            String runId = store.runs(dev.rationale.core.history.RunFilter.all()).items().getFirst().id();
            assertThat(store.batches(runId)).containsExactly(new RunBatch("batch_0", "OpenAI Batch", "model-x",
                    "completed", 9, 9, 0, true));
        }

        EvalOutcome resumed = run(plan, true, FAST);

        assertThat(fake.batches).hasSize(2);
        assertThat(fake.customIds(1)).hasSize(3).allSatisfy(id -> assertThat(id).matches(
                "sums_(direct_c1|direct_c0)-.*-0|sums_vote_c2-.*-1"));
        assertThat(ResultsFile.read(results())).extracting(SampleRecord::status)
                .containsOnly(Verdict.CORRECT, Verdict.WRONG).hasSize(9);
        assertThat(resumed.summary().completions()).isEqualTo(9);
        assertThat(resumed.summary().firstFailure()).isNull();
    }

    private static String reason(List<SampleRecord> records, String variant, String testCase) {
        return records.stream().filter(r -> r.variant().equals(variant) && r.testCase().equals(testCase)
                && r.status() == Verdict.FAILED).findFirst().orElseThrow().reason();
    }

    @Test
    void aBatchRunsAnswersAreGradedByTheTasksJudgeAsTheyComeBack() throws Exception {
        EvalPlan sums = plan(Provider.OPENAI, 2);
        Task t = sums.task();
        Task judged = new Task(t.id(), null, null, t.template(), new AnswerFormat(ExtractRule.ANSWER_IS, null, null,
                null, CompareRule.JUDGE, 4.0, null, null), List.of(), t.cases(), t.variants());
        EvalPlan plan = new EvalPlan(PromptSet.of("sums", List.of(judged)), judged, judged.variants(),
                sums.targets(), judged.cases(), null);
        fake.fates = (batch, id) -> id.startsWith("sums_direct_c1-") ? Fate.WRONG : Fate.RIGHT;
        GradingContext judge = GradingContext.of(format -> input -> input.extracted().scored(new GradeDetail(
                GradeDetail.JUDGE, input.extracted().extracted().equals(input.testCase().expected()) ? 5.0 : 1.0,
                "judged", "prompt", "reply"), 4), format -> GradingContext.refusing(GradeDetail.TESTS, "none"));

        try (EvaluationSession session = EvaluationSession.open(plan, results(), false, history())) {
            session.start(new BatchRunner(this::api, FAST, judge), EvalOptions.DEFAULTS, listener());
            session.await();
        }

        List<SampleRecord> records = ResultsFile.read(results());
        assertThat(records).hasSize(6).allSatisfy(r -> assertThat(r.grading().grader()).isEqualTo(GradeDetail.JUDGE));
        assertThat(records).extracting(BatchRunnerTest::status).containsExactlyInAnyOrder(
                "direct/c0/0=CORRECT", "vote/c0/0=CORRECT", "vote/c0/1=CORRECT",
                "direct/c1/0=WRONG", "vote/c1/0=CORRECT", "vote/c1/1=CORRECT");
    }

    @Test
    void anthropicWorkAboveTheLimitIsSplitAndErroredResultsKeepTheirReason() throws Exception {
        EvalPlan plan = plan(Provider.ANTHROPIC, 3);
        fake.fates = (batch, id) -> id.startsWith("sums_direct_c2-") ? Fate.REFUSED : Fate.RIGHT;

        run(plan, false, FAST.withLimits(new BatchLimits(4, 1 << 20)));

        assertThat(fake.batches).extracting(b -> b.requests.size()).containsExactly(4, 4, 1);
        assertThat(fake.batches.getFirst().requests.getFirst().path("params").has("stream")).isFalse();
        List<SampleRecord> records = ResultsFile.read(results());
        assertThat(records).hasSize(9);
        assertThat(records).filteredOn(r -> r.status() == Verdict.CORRECT).hasSize(8)
                .allSatisfy(r -> assertThat(r.reasoning()).isEqualTo("Adding."));
        SampleRecord refused = records.stream().filter(r -> r.status() == Verdict.FAILED).findFirst().orElseThrow();
        assertThat(refused.errorKind()).isEqualTo("INVALID_REQUEST");
        assertThat(refused.reason()).contains("max_tokens: too large");
        assertThat(records).extracting(SampleRecord::batch).containsOnly("msgbatch_00", "msgbatch_01", "msgbatch_02");
        assertThat(ResultsFile.batches(results())).extracting(BatchRecord::requests).containsExactly(4, 4, 1);
    }

    @Test
    void theByteLimitSplitsTooAndNoBatchGoesOverIt() throws Exception {
        EvalPlan plan = plan(Provider.GEMINI, 3);
        BatchApi api = api(plan.targets().getFirst().endpoint());
        List<Long> sizes = new OfflineEvaluation(plan).requests(api.intake("model-x"), true).stream()
                .map(p -> api.size(new BatchItem(BatchCustomIds.of("sums", p.key()), p.request()))).toList();
        // Room for any three requests in a row, never four: three batches of three.
        long limit = 0;
        for (int i = 0; i + 3 <= sizes.size(); i++) {
            limit = Math.max(limit, sizes.get(i) + sizes.get(i + 1) + sizes.get(i + 2));
        }

        run(plan, false, FAST.withLimits(new BatchLimits(100, limit)));

        assertThat(fake.batches).extracting(b -> b.requests.size()).containsExactly(3, 3, 3);
        assertThat(ResultsFile.read(results())).extracting(SampleRecord::status).containsOnly(Verdict.CORRECT);
    }

    @Test
    void anExpiredGeminiBatchFailsEveryCaseWithTheReasonAndResumeSendsThemAgain() throws Exception {
        EvalPlan plan = plan(Provider.GEMINI, 2);
        fake.ending = "expired";

        run(plan, false, FAST);

        List<SampleRecord> records = ResultsFile.read(results());
        assertThat(records).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Verdict.FAILED);
            assertThat(r.errorKind()).isEqualTo("TIMEOUT");
            assertThat(r.reason()).isEqualTo("Gemini Batch: batch batches/0 expired before this request was"
                    + " answered");
        });

        fake.ending = "completed";
        run(plan, true, FAST);

        assertThat(fake.customIds(1)).containsExactlyInAnyOrderElementsOf(fake.customIds(0));
        assertThat(ResultsFile.read(results())).extracting(SampleRecord::status).containsOnly(Verdict.CORRECT);
    }

    @Test
    void aBatchTheProviderRefusedWholeFailsEveryCaseWithItsFirstError() throws Exception {
        EvalPlan plan = plan(Provider.OPENAI, 1);
        fake.ending = "failed";

        run(plan, false, FAST);

        assertThat(ResultsFile.read(results())).hasSize(3).allSatisfy(r -> {
            assertThat(r.errorKind()).isEqualTo("INVALID_REQUEST");
            assertThat(r.reason()).isEqualTo("OpenAI Batch: batch batch_0 failed (invalid_json_line: Line 1 is not"
                    + " valid JSON.)");
        });
        assertThat(ResultsFile.batches(results())).singleElement().extracting(BatchRecord::state)
                .isEqualTo(BatchState.FAILED);
    }

    @Test
    void anthropicExpiredResultsAreFailedAsExpired() throws Exception {
        EvalPlan plan = plan(Provider.ANTHROPIC, 1);
        fake.ending = "expired";

        run(plan, false, FAST);

        assertThat(ResultsFile.read(results())).hasSize(3).allSatisfy(r -> {
            assertThat(r.errorKind()).isEqualTo("TIMEOUT");
            assertThat(r.reason()).isEqualTo("Anthropic Message Batches: expired before it was answered (24 hours)");
        });
        assertThat(ResultsFile.batches(results())).singleElement().extracting(BatchRecord::state)
                .isEqualTo(BatchState.EXPIRED);
    }

    @Test
    void submittedOnlyThenASecondSessionPollsAndImportsWithoutSubmittingAgain() throws Exception {
        EvalPlan plan = plan(Provider.OPENAI, 2);

        EvalOutcome submitted = run(plan, false, FAST.submittingOnly(true));

        assertThat(submitted.cancelled()).as("the batch is still open").isTrue();
        assertThat(fake.batches).singleElement().satisfies(b -> assertThat(b.polls).isZero());
        assertThat(BatchRunner.hasOpenBatches(results())).isTrue();
        assertThat(ResultsFile.read(results())).isEmpty();

        EvalOutcome collected = run(plan, true, FAST);

        assertThat(collected.cancelled()).isFalse();
        assertThat(fake.batches).hasSize(1);
        assertThat(BatchRunner.hasOpenBatches(results())).isFalse();
        assertThat(ResultsFile.read(results())).hasSize(6).extracting(SampleRecord::status)
                .containsOnly(Verdict.CORRECT);
    }

    @Test
    void cancellingTheBatchesCancelsThemAtTheProviderAndRecordsTheRestFailed() throws Exception {
        EvalPlan plan = plan(Provider.ANTHROPIC, 2);
        fake.pendingPolls = 1_000_000;
        CountDownLatch submitted = new CountDownLatch(1);
        BatchRunner runner = new BatchRunner(this::api, FAST);
        EvalOutcome outcome;
        try (EvaluationSession session = EvaluationSession.open(plan, results(), false, history())) {
            session.start(runner, EvalOptions.DEFAULTS, onBatch(batch -> submitted.countDown()));
            assertThat(submitted.await(5, TimeUnit.SECONDS)).isTrue();
            runner.cancelBatches();
            outcome = session.await();
        }

        assertThat(outcome.cancelled()).isFalse();
        assertThat(fake.batches.getFirst().cancelAsked).isTrue();
        assertThat(ResultsFile.read(results())).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Verdict.FAILED);
            assertThat(r.reason()).contains("canceled before it was answered");
        });
        assertThat(ResultsFile.batches(results())).singleElement().extracting(BatchRecord::state)
                .isEqualTo(BatchState.CANCELLED);
    }

    @Test
    void stoppingTheRunLeavesTheBatchRunningForALaterResume() throws Exception {
        EvalPlan plan = plan(Provider.OPENAI, 2);
        fake.pendingPolls = 1_000_000;
        CountDownLatch polled = new CountDownLatch(2);
        EvalOutcome outcome;
        try (EvaluationSession session = EvaluationSession.open(plan, results(), false, history())) {
            session.start(new BatchRunner(this::api, FAST), EvalOptions.DEFAULTS,
                    onBatch(batch -> polled.countDown()));
            assertThat(polled.await(5, TimeUnit.SECONDS)).isTrue();
            session.cancel();
            outcome = session.await();
        }

        assertThat(outcome.cancelled()).isTrue();
        assertThat(fake.batches.getFirst().cancelAsked).isFalse();
        assertThat(BatchRunner.hasOpenBatches(results())).isTrue();
    }

    @Test
    void resumingWithAnotherPlanIsRefusedInOneLine() throws Exception {
        EvalPlan plan = plan(Provider.OPENAI, 2);
        run(plan, false, FAST.submittingOnly(true));
        EvalPlan smaller = new EvalPlan(plan.set(), plan.task(), plan.variants(), plan.targets(),
                plan.cases().subList(0, 1), null);

        assertThatThrownBy(() -> run(smaller, true, FAST)).isInstanceOf(RationaleException.class)
                .hasMessageContaining("made for an evaluation of 6 completions, this one has 3")
                .hasMessageNotContaining("\n");
    }
}
