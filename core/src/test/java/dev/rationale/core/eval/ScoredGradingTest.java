// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.AnswerFormat;
import dev.rationale.core.answer.CompareRule;
import dev.rationale.core.answer.ExtractRule;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.grading.Grader;
import dev.rationale.core.grading.GradingContext;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer format that scores is graded by its grader after the answer arrives: the verdict follows the score and
 * the threshold, the detail is written with the record, and a grader that cannot finish never passes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScoredGradingTest {
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theVerdictFollowsTheScoreAndTheDetailIsKept() throws Exception {
        Map<String, String> asked = new ConcurrentHashMap<>();
        // A stand-in judge: 5 for the expected sum, 2 for any other, and it says what it read.
        Grader judge = input -> {
            asked.put(input.testCase().id(), input.question());
            boolean right = input.extracted().extracted().equals(input.testCase().expected());
            return input.extracted().scored(new GradeDetail(GradeDetail.JUDGE, right ? 5.0 : 2.0,
                    right ? "the sum is right" : "the sum is wrong", "prompt", "reply"), 4);
        };
        List<SampleRecord> records = run(judge, 10);

        assertThat(records).hasSize(10);
        for (SampleRecord record : records) {
            GradeDetail grading = record.grading();
            assertThat(grading).isNotNull();
            assertThat(grading.grader()).isEqualTo(GradeDetail.JUDGE);
            boolean right = record.answer().equals(record.expected());
            assertThat(record.status()).isEqualTo(right ? Verdict.CORRECT : Verdict.WRONG);
            assertThat(grading.score()).isEqualTo(right ? 5.0 : 2.0);
        }
        // FakeChatServer answers sums that are multiples of 5 one too high: c02 (5) and c07 (10).
        assertThat(records.stream().filter(r -> r.status() == Verdict.WRONG).map(SampleRecord::testCase))
                .containsExactlyInAnyOrder("c02", "c07");
        assertThat(asked.get("c07")).isEqualTo("Q: What is 7 + 3?");
    }

    @Test
    void aGraderThatFailsLeavesTheAnswerUngradedWithTheReason() throws Exception {
        Grader broken = input -> {
            throw new IllegalStateException("the judge's reply is not JSON");
        };
        List<SampleRecord> records = run(broken, 3);

        assertThat(records).hasSize(3).allSatisfy(record -> {
            assertThat(record.status()).isEqualTo(Verdict.UNGRADED);
            assertThat(record.answer()).isNotNull();
            assertThat(record.grading()).isNotNull();
            assertThat(record.grading().score()).isNull();
            assertThat(record.grading().note()).contains("the judge's reply is not JSON");
        });
    }

    @Test
    void withoutAJudgeEachAnswerSaysSo() throws Exception {
        List<SampleRecord> records = runWith(GradingContext.NONE, 2);

        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(record.status()).isEqualTo(Verdict.UNGRADED);
            assertThat(record.grading().note()).isEqualTo("no judge endpoint is available to this run");
        });
    }

    @Test
    void cancellingStopsAGraderThatWaitsAndItsAnswersAreAskedAgainOnResume() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        Grader stuck = input -> {
            waiting.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            throw new AssertionError("unreachable");
        };
        server.setDispatcher(FakeChatServer.faultless());
        server.start();
        EvalPlan plan = plan(1);
        Path file = dir.resolve("results.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            RunningEvaluation run = new EvaluationRunner(providers(), context(stuck)).start(plan, results,
                    EvalOptions.DEFAULTS, EvalListener.NONE);
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
            run.cancel();
            assertThat(run.await().cancelled()).isTrue();
        }

        assertThat(interrupted).isTrue();
        SampleRecord kept = ResultsFile.read(file).getFirst();
        assertThat(kept.status()).isEqualTo(Verdict.FAILED);
        assertThat(kept.errorKind()).isEqualTo("CANCELLED");
        // The failed answer is asked again and graded when the run resumes.
        try (ResultsFile results = ResultsFile.resume(file)) {
            new EvaluationRunner(providers(), context(input -> input.extracted().scored(new GradeDetail(
                    GradeDetail.JUDGE, 5.0, "fine", null, null), 4))).start(plan, results, EvalOptions.DEFAULTS,
                    EvalListener.NONE).await();
        }
        assertThat(ResultsFile.read(file).getLast().status()).isEqualTo(Verdict.CORRECT);
    }

    private List<SampleRecord> run(Grader judge, int cases) throws Exception {
        return runWith(context(judge), cases);
    }

    private static GradingContext context(Grader judge) {
        return GradingContext.of(format -> judge,
                format -> GradingContext.refusing(GradeDetail.TESTS, "not in this test"));
    }

    private Function<Endpoint, CompletionProvider> providers() {
        var chat = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), server.url("/v1").toString());
        return e -> chat;
    }

    private EvalPlan plan(int cases) {
        Endpoint endpoint = new Endpoint("mock", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        Task sums = EvalFixtures.sums(cases, EvalFixtures.direct());
        Task task = new Task(sums.id(), null, null, sums.template(), new AnswerFormat(ExtractRule.ANSWER_IS, null,
                null, null, CompareRule.JUDGE, 4.0, null, null), List.of(), sums.cases(), sums.variants());
        return new EvalPlan(EvalFixtures.set(task), task, task.variants(), List.of(EvalTarget.of(endpoint, "m1")),
                task.cases(), null);
    }

    private List<SampleRecord> runWith(GradingContext grading, int cases) throws Exception {
        server.setDispatcher(FakeChatServer.faultless());
        server.start();
        EvalPlan plan = plan(cases);
        Path file = dir.resolve("results.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            new EvaluationRunner(providers(), grading).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }
        return ResultsFile.read(file);
    }
}
