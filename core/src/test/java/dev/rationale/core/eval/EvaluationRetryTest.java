// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.answer.Verdict;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How an evaluation sends again what the server refused: off its slot, after the server's wait or the endpoint's
 * back-off, with the endpoint's limit lowered by 429s. Asserted on counts and on the order the server saw requests
 * in, never on time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvaluationRetryTest {
    // The results file of the last evaluate().
    private List<SampleRecord> records = List.of();
    private final MockWebServer server = new MockWebServer();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> lowered = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> visits = new ConcurrentHashMap<>();
    private final FakeChatServer answers = FakeChatServer.faultless();
    private volatile long answerMillis;
    private Endpoint endpoint;
    private Function<Endpoint, CompletionProvider> providers;

    /** What the server does with the n-th request (1-based) for one case; null to answer it. */
    @FunctionalInterface
    private interface Fault {
        MockResponse of(String caseQuestion, int visit);
    }

    @BeforeEach
    void start() throws IOException {
        server.start();
        endpoint = new Endpoint("mock", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        // The HTTP layer's own waits would be recorded, not slept; an evaluation's requests never reach them.
        var chat = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), endpoint.effectiveBaseUrl());
        providers = e -> chat;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serve(Fault fault) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                String question = body.replaceAll("(?s).*What is (\\d+) \\+ 3\\?.*", "c$1");
                seen.add(question);
                MockResponse failed = fault.of(question, visits.merge(question, 1, Integer::sum));
                if (failed != null) {
                    return failed;
                }
                return answers.dispatch(request).newBuilder().headersDelay(answerMillis, TimeUnit.MILLISECONDS)
                        .build();
            }
        });
    }

    private EvalOutcome evaluate(int cases, int concurrency) throws Exception {
        Task task = EvalFixtures.sums(cases, EvalFixtures.direct());
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(endpoint, "m")), task.cases(), null);
        EvalListener listener = new EvalListener() {
            @Override
            public void finished(SampleRecord record) {
            }

            @Override
            public void limitLowered(String name, int from, int to) {
                lowered.add(name + ": " + from + " -> " + to);
            }
        };
        java.nio.file.Path file = java.nio.file.Files.createTempFile("results", ".jsonl");
        try (ResultsFile results = ResultsFile.create(file)) {
            EvalOutcome outcome = new EvaluationRunner(providers).start(plan, results,
                    EvalOptions.DEFAULTS.withConcurrency(concurrency), listener).await();
            records = ResultsFile.read(file);
            return outcome;
        }
    }

    private static MockResponse status(int code, String message) {
        return new MockResponse.Builder().code(code).body("{\"error\":{\"message\":\"" + message + "\"}}").build();
    }

    private Map<String, SampleRecord> byCase(EvalOutcome outcome) {
        return records.stream().collect(Collectors.toMap(SampleRecord::testCase, r -> r));
    }

    @Test
    void a429WithoutRetryAfterLowersTheLimitAndTheCaseIsAnsweredOnItsRetry() throws Exception {
        serve((question, visit) -> question.equals("c0") && visit == 1 ? status(429, "Rate limit reached") : null);

        EvalOutcome outcome = evaluate(8, 4);

        assertThat(outcome.summary().completions()).isEqualTo(8);
        assertThat(records).hasSize(8).noneMatch(r -> r.status() == Verdict.FAILED);
        assertThat(byCase(outcome).get("c00").attempts()).isEqualTo(2);
        assertThat(seen).hasSize(9);
        assertThat(lowered).containsExactly("mock: 4 -> 3");
    }

    @Test
    void aCaseWaitingForItsRetryAfterLeavesItsSlotToTheOthers() throws Exception {
        // One slot: had c0 kept it while waiting, c0 would come twice before c1. Had its Retry-After been ignored
        // for the short shared back-off, c0 would come back among the others, each of which takes 100 ms.
        answerMillis = 100;
        serve((question, visit) -> question.equals("c0") && visit == 1
                ? new MockResponse.Builder().code(429).setHeader("Retry-After", "2").setHeader("retry-after-ms", "2000")
                        .body("{\"error\":{\"message\":\"slow down\"}}").build()
                : null);

        EvalOutcome outcome = evaluate(4, 1);

        assertThat(seen).containsExactly("c0", "c1", "c2", "c3", "c0");
        assertThat(outcome.summary().completions()).isEqualTo(4);
        assertThat(records).hasSize(4).noneMatch(r -> r.status() == Verdict.FAILED);
    }

    @Test
    void aCaseFailingEveryTimeEndsFailedWithTheReasonAfterTheLastAttempt() throws Exception {
        serve((question, visit) -> status(500, "The server had an error"));

        EvalOutcome outcome = evaluate(2, 2);

        assertThat(outcome.summary().allFailed()).isTrue();
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Verdict.FAILED);
            assertThat(r.errorKind()).isEqualTo("SERVER_ERROR");
            assertThat(r.reason()).contains("HTTP 500").contains("The server had an error");
            assertThat(r.attempts()).isEqualTo(JobExecutor.MAX_ATTEMPTS);
        });
        assertThat(seen).hasSize(2 * JobExecutor.MAX_ATTEMPTS);
        assertThat(lowered).as("a 500 says nothing about load").isEmpty();
    }

    @Test
    void aSpentQuotaOrAServerSayingDoNotRetryIsNotSentAgain() throws Exception {
        serve((question, visit) -> switch (question) {
            case "c0" -> new MockResponse.Builder().code(429)
                    .body("{\"error\":{\"message\":\"You exceeded your quota\",\"type\":\"insufficient_quota\"}}")
                    .build();
            case "c1" -> new MockResponse.Builder().code(500).setHeader("x-should-retry", "false")
                    .body("{\"error\":{\"message\":\"no\"}}").build();
            default -> null;
        });

        EvalOutcome outcome = evaluate(3, 1);

        Map<String, SampleRecord> records = byCase(outcome);
        assertThat(records.get("c00").errorKind()).isEqualTo("RATE_LIMITED");
        assertThat(records.get("c01").errorKind()).isEqualTo("SERVER_ERROR");
        assertThat(records.get("c02").status()).isNotEqualTo(Verdict.FAILED);
        assertThat(seen).containsExactly("c0", "c1", "c2");
    }
}
