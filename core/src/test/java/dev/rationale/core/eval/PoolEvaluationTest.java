// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.endpoint.KeyResolver;
import dev.rationale.core.endpoint.PoolMember;
import dev.rationale.core.endpoint.ProviderFactory;
import dev.rationale.core.endpoint.SecretStore;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.RunScope;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.CompletionProvider;
import dev.rationale.core.provider.MemberHealth;
import dev.rationale.core.provider.PoolHealth;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.HttpClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An evaluation on a pool of three local OpenAI-compatible servers, made from an endpoints list as a user writes
 * it. One server is killed while requests are in flight on it: every case must still end up exactly once in the
 * results file and in the history, answered, with the two survivors taking its share. Asserted on counts, never on
 * time.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolEvaluationTest {
    private static final int CASES = 60;
    private static final int CONCURRENCY = 4;

    private final List<MockWebServer> servers = List.of(new MockWebServer(), new MockWebServer(),
            new MockWebServer());
    private final List<AtomicInteger> answered = List.of(new AtomicInteger(), new AtomicInteger(),
            new AtomicInteger());
    private final Map<Integer, Function<Integer, MockResponse>> faults = new ConcurrentHashMap<>();
    private final FakeChatServer sums = FakeChatServer.faultless();
    private Endpoint pool;
    private List<Endpoint> endpoints;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        List<Endpoint> all = new ArrayList<>();
        List<PoolMember> members = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            MockWebServer server = servers.get(i);
            int index = i;
            AtomicInteger seen = new AtomicInteger();
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    int visit = seen.incrementAndGet();
                    Function<Integer, MockResponse> fault = faults.get(index);
                    MockResponse failed = fault == null ? null : fault.apply(visit);
                    if (failed != null) {
                        return failed;
                    }
                    answered.get(index).incrementAndGet();
                    // A service time, so that requests are in flight on every member when one is killed.
                    return sums.dispatch(request).newBuilder().headersDelay(20, TimeUnit.MILLISECONDS).build();
                }
            });
            server.start();
            String name = "gpu" + (i + 1);
            all.add(new Endpoint(name, ProviderKind.OPENAI, server.url("/v1").toString(), "m", null));
            members.add(new PoolMember(name, CONCURRENCY));
        }
        pool = Endpoint.pool("lab", members);
        all.add(pool);
        endpoints = List.copyOf(all);
    }

    @AfterEach
    void stop() {
        servers.forEach(MockWebServer::close);
    }

    @Test
    void aMemberKilledMidRunLosesNothingAndTheSurvivorsTakeItsShare() throws Exception {
        CountDownLatch killed = new CountDownLatch(1);
        // The second server dies on its sixth request, with others of its own in flight.
        faults.put(1, visit -> {
            if (visit == 6) {
                Thread.ofVirtual().start(() -> {
                    servers.get(1).close();
                    killed.countDown();
                });
            }
            return null;
        });
        CompletionProvider provider = factory().create(pool);
        PoolHealth health = provider.pool().orElseThrow();
        assertThat(health.capacity()).isEqualTo(3 * CONCURRENCY);

        EvaluationSession.History history = new EvaluationSession.History(dir, null, RunScope.NONE,
                Clock.systemUTC());
        Path results = dir.resolve("sums.eval.jsonl");
        EvalPlan plan = plan();
        String runId;
        try (EvaluationSession session = EvaluationSession.open(plan, results, false, history)) {
            session.start(new EvaluationRunner(e -> provider), EvalOptions.DEFAULTS, EvalListener.NONE);
            EvalOutcome outcome = session.await();
            assertThat(outcome.cancelled()).isFalse();
            runId = session.historyRunId();
        }
        assertThat(killed.await(5, TimeUnit.SECONDS)).isTrue();

        List<SampleRecord> records = ResultsFile.read(results);
        assertThat(records).extracting(SampleRecord::testCase).doesNotHaveDuplicates().hasSize(CASES);
        assertThat(records).allSatisfy(r -> assertThat(r.status().answered()).as(r.testCase()).isTrue());
        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.completionsOfRun(runId)).extracting(c -> c.record().key().caseId())
                    .doesNotHaveDuplicates().hasSize(CASES);
        }
        // Counted as the servers began their answers: the killed one's include those cut when it died.
        int killedBegan = answered.get(1).get();
        int survivors = answered.get(0).get() + answered.get(2).get();
        assertThat(killedBegan).as("the killed member's answers begun before it died").isBetween(1, 6 + CONCURRENCY);
        assertThat(survivors).as("the survivors served every other case").isGreaterThanOrEqualTo(CASES - killedBegan);
        assertThat(answered.get(0).get()).isGreaterThan(killedBegan);
        assertThat(answered.get(2).get()).isGreaterThan(killedBegan);
        MemberHealth dead = health.members().get(1);
        assertThat(dead.endpoint()).isEqualTo("gpu2");
        assertThat(dead.failed()).isPositive();
        assertThat(dead.state()).isNotEqualTo(MemberHealth.State.SERVING);
        assertThat(health.members().get(0).state()).isEqualTo(MemberHealth.State.SERVING);
    }

    @Test
    void a429LowersThatMembersLimitAndAnswersGrowItBack() throws Exception {
        CompletionProvider provider = factory().create(pool);
        PoolHealth health = provider.pool().orElseThrow();
        List<Integer> limitsSeen = new ArrayList<>();
        // The first server answers the four requests it gets at the start with 429, then serves. Its fifth comes
        // only once two of the 429s were heard (the first lowers its limit to 3): no answer has raised it yet.
        faults.put(0, visit -> {
            if (visit <= CONCURRENCY) {
                return new MockResponse.Builder().code(429)
                        .body("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}").build();
            }
            if (visit == CONCURRENCY + 1) {
                synchronized (limitsSeen) {
                    limitsSeen.add(health.members().getFirst().limit());
                }
            }
            return null;
        });

        Path results = dir.resolve("sums.eval.jsonl");
        try (EvaluationSession session = EvaluationSession.open(plan(), results, false, null)) {
            session.start(new EvaluationRunner(e -> provider), EvalOptions.DEFAULTS, EvalListener.NONE);
            assertThat(session.await().summary().firstFailure()).isNull();
        }

        assertThat(ResultsFile.read(results)).extracting(SampleRecord::testCase).doesNotHaveDuplicates()
                .hasSize(CASES);
        MemberHealth first = health.members().getFirst();
        assertThat(first.rateLimited()).isEqualTo(CONCURRENCY);
        assertThat(limitsSeen).singleElement().satisfies(limit -> assertThat(limit).isLessThan(CONCURRENCY));
        assertThat(first.limit()).as("grown back by the answers after").isEqualTo(CONCURRENCY);
        assertThat(first.answered()).isPositive();
        // The 429s were moved to other members, unseen by the evaluation: every record took one attempt.
        assertThat(ResultsFile.read(results)).extracting(SampleRecord::attempts).containsOnly(1);
    }

    @Test
    void aRunOfServerErrorsTakesAMemberOutAndItsRequestsGoToTheOthers() throws Exception {
        faults.put(2, visit -> new MockResponse.Builder().code(500)
                .body("{\"error\":{\"message\":\"boom\"}}").build());
        CompletionProvider provider = factory().create(pool);

        Path results = dir.resolve("sums.eval.jsonl");
        try (EvaluationSession session = EvaluationSession.open(plan(), results, false, null)) {
            session.start(new EvaluationRunner(e -> provider), EvalOptions.DEFAULTS, EvalListener.NONE);
            assertThat(session.await().summary().firstFailure()).isNull();
        }

        assertThat(ResultsFile.read(results)).hasSize(CASES)
                .allSatisfy(r -> assertThat(r.status().answered()).isTrue());
        MemberHealth broken = provider.pool().orElseThrow().members().get(2);
        assertThat(broken.answered()).isZero();
        assertThat(broken.failed()).isGreaterThanOrEqualTo(3);
        assertThat(broken.lastError()).contains("boom");
        assertThat(answered.get(0).get() + answered.get(1).get()).isEqualTo(CASES);
    }

    private ProviderFactory factory() {
        SecretStore noKeychain = new SecretStore() {
            @Override
            public Optional<String> read(String entry) {
                return Optional.empty();
            }

            @Override
            public void write(String entry, String secret) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean writable() {
                return false;
            }
        };
        return new ProviderFactory(HttpClients.create(), new KeyResolver(noKeychain, name -> null), () -> endpoints);
    }

    private EvalPlan plan() {
        Task task = EvalFixtures.sums(CASES, EvalFixtures.direct());
        return new EvalPlan(EvalFixtures.set(task), task, task.variants(), List.of(EvalTarget.of(pool, "m")),
                task.cases(), null);
    }
}
