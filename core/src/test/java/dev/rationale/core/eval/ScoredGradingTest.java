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
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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

    private List<SampleRecord> run(Grader judge, int cases) throws Exception {
        return runWith(new GradingContext() {
            @Override
            public Grader judge(AnswerFormat format) {
                return judge;
            }

            @Override
            public Grader tests(AnswerFormat format) {
                return GradingContext.refusing(GradeDetail.TESTS, "not in this test");
            }
        }, cases);
    }

    private List<SampleRecord> runWith(GradingContext grading, int cases) throws Exception {
        server.setDispatcher(FakeChatServer.faultless());
        server.start();
        Endpoint endpoint = new Endpoint("mock", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        var chat = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), endpoint.effectiveBaseUrl());
        Task sums = EvalFixtures.sums(cases, EvalFixtures.direct());
        Task task = new Task(sums.id(), null, null, sums.template(), new AnswerFormat(ExtractRule.ANSWER_IS, null,
                null, null, CompareRule.JUDGE, 4.0, null, null), List.of(), sums.cases(), sums.variants());
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(endpoint, "m1")), task.cases(), null);
        Path file = dir.resolve("results.jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            new EvaluationRunner(e -> chat, grading).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }
        return ResultsFile.read(file);
    }
}
