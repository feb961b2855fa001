// SPDX-License-Identifier: Apache-2.0
package dev.rationale.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.dataset.Dataset;
import dev.rationale.core.dataset.DatasetCase;
import dev.rationale.core.dataset.Datasets;
import dev.rationale.core.dataset.ImportResult;
import dev.rationale.core.dataset.PromptSetImport;
import dev.rationale.core.endpoint.Endpoint;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.http.TestHttp;
import dev.rationale.core.provider.openai.OpenAiChatProvider;
import dev.rationale.core.provider.openai.OpenAiOptions;
import dev.rationale.core.provider.openai.OpenAiTextProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The likelihood pass against servers: one that echoes prompt log-probabilities (vLLM's text completions, see
 * {@link EchoServer} for its scores), one that cannot score (chat completions).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LikelihoodEchoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Four questions. By the server's scores ({@link EchoServer}): q1 "steel" wins raw (-1.0 against -1.2), "a cork"
     * per token (-0.6); q2 "glass" wins both; q3's options cannot be scored while the server refuses "poison"; q4
     * "stone" wins raw (-1.0 against -2.2), "the clear glass" per token (-0.73).
     */
    private static final String TASK = """
            {"name": "tiny", "examples": [
              {"input": "What floats?", "target_scores": {"steel": 0, "a cork": 1}},
              {"input": "What is clear?", "target_scores": {"glass": 1, "wood": 0}},
              {"input": "What to drink?", "target_scores": {"poison": 0, "water": 1}},
              {"input": "What lets light through?", "target_scores": {"stone": 0, "the clear glass": 1}}
            ]}
            """;

    private final MockWebServer server = new MockWebServer();
    private final EchoServer echo = new EchoServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(echo);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rawAndPerTokenPicksAreCountedWithWilsonIntervalsAndAFailedRequestKeepsItsReason() throws Exception {
        Setup setup = setup();

        EvalOutcome outcome = run(setup, ResultsFile.create(setup.file()), new CopyOnWriteArrayList<>());
        LikelihoodCell cell = LikelihoodReport.of(setup.plan(), outcome).cells().getFirst();

        assertThat(cell.cases()).isEqualTo(4);
        assertThat(cell.scored()).isEqualTo(3);
        assertThat(cell.failed()).isEqualTo(1);
        assertThat(cell.failure()).contains("poison is not allowed");
        assertThat(cell.correct()).isEqualTo(1);
        assertThat(cell.accuracy()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(cell.interval().low()).isCloseTo(0.0615, within(5e-4));
        assertThat(cell.interval().high()).isCloseTo(0.7923, within(5e-4));
        assertThat(cell.perTokenCorrect()).isEqualTo(3);
        assertThat(cell.perTokenAccuracy()).isEqualTo(1.0);
        assertThat(cell.perTokenInterval().low()).isCloseTo(0.4385, within(5e-4));
        assertThat(cell.perTokenInterval().high()).isEqualTo(1.0);
        LikelihoodRecord first = byCase(outcome, "#1");
        assertThat(first.options()).containsExactly(new LikelihoodRecord.OptionScore("steel", -1.0, 1),
                new LikelihoodRecord.OptionScore("a cork", -1.2, 2));
        assertThat(first.pick()).isEqualTo("steel");
        assertThat(first.perTokenPick()).isEqualTo("a cork");
        LikelihoodRecord failed = byCase(outcome, "#3");
        assertThat(failed.likelihood()).isEqualTo(LikelihoodRecord.Status.FAILED);
        assertThat(failed.errorKind()).isEqualTo("INVALID_REQUEST");
        // Each option went as prompt plus option, the prompt being what the generation request sent.
        String generationPrompt = echo.generated.stream().filter(p -> p.contains("What floats?")).findFirst()
                .orElseThrow();
        assertThat(echo.scored).contains(generationPrompt + " steel", generationPrompt + " a cork");
    }

    @Test
    void resumingScoresOnlyTheFailedCaseAgainAndAsksNoCompletionTwice() throws Exception {
        Setup setup = setup();
        run(setup, ResultsFile.create(setup.file()), new CopyOnWriteArrayList<>());
        int generatedBefore = echo.generated.size();
        List<String> scoredBefore = List.copyOf(echo.scored);
        echo.refusePoison = false;

        List<LikelihoodRecord> heard = new CopyOnWriteArrayList<>();
        EvalOutcome outcome = run(setup, ResultsFile.resume(setup.file()), heard);

        assertThat(echo.generated).hasSize(generatedBefore);
        List<String> scoredNow = echo.scored.subList(scoredBefore.size(), echo.scored.size());
        assertThat(scoredNow).hasSize(2).allMatch(p -> p.contains("What to drink?"));
        assertThat(heard).extracting(LikelihoodRecord::testCase).containsExactly("#3");
        LikelihoodCell cell = LikelihoodReport.of(setup.plan(), outcome).cells().getFirst();
        assertThat(cell.scored()).isEqualTo(4);
        assertThat(cell.failed()).isZero();
        // " poison" and " water" tie at -1.0: the option listed first wins, and it is wrong.
        assertThat(byCase(outcome, "#3").pick()).isEqualTo("poison");
        assertThat(cell.correct()).isEqualTo(1);
        assertThat(cell.perTokenCorrect()).isEqualTo(3);
        assertThat(ResultsFile.readScores(setup.file())).hasSize(4);
    }

    @Test
    void aBackendThatCannotScoreIsNamedWithTheReasonAndGenerationRunsAsBefore() throws Exception {
        FakeChatServer chatServer = FakeChatServer.faultless();
        server.setDispatcher(chatServer);
        Endpoint endpoint = new Endpoint("chat", ProviderKind.OPENAI, server.url("/v1").toString(), null, null);
        var chat = new OpenAiChatProvider(TestHttp.client(new TestHttp.FakeSleeper()), endpoint.effectiveBaseUrl());
        Task task = EvalFixtures.sums(3, EvalFixtures.direct());
        List<ChoiceQuestion> questions = task.cases().stream()
                .map(c -> new ChoiceQuestion(List.of(c.expected(), "0"), List.of(c.expected()))).toList();
        EvalPlan plan = new EvalPlan(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(endpoint, "m")), task.cases(), null, questions);

        EvalOutcome outcome;
        try (ResultsFile results = ResultsFile.create(dir.resolve("chat.jsonl"))) {
            outcome = new EvaluationRunner(e -> chat).start(plan, results, EvalOptions.DEFAULTS, EvalListener.NONE)
                    .await();
        }

        assertThat(outcome.notScorable()).containsOnlyKeys("m");
        assertThat(outcome.notScorable().get("m")).contains("\"chat\"").contains("cannot score options");
        assertThat(outcome.likelihood()).isEmpty();
        LikelihoodCell cell = LikelihoodReport.of(plan, outcome).cells().getFirst();
        assertThat(cell.notScorable()).isEqualTo(outcome.notScorable().get("m"));
        assertThat(cell.accuracy()).isNull();
        assertThat(cell.pending()).isEqualTo(3);
        EvalSummary generation = outcome.summary();
        assertThat(generation.completions()).isEqualTo(3);
        assertThat(generation.cells().getFirst().correct() + generation.cells().getFirst().wrong()).isEqualTo(3);
        assertThat(chatServer.log()).hasSize(3);
    }

    @Test
    void aPlanWithoutOptionsHasNoLikelihoodReport() {
        Task task = EvalFixtures.sums(2, EvalFixtures.direct());
        Endpoint endpoint = new Endpoint("chat", ProviderKind.OPENAI, "http://127.0.0.1:9/v1", null, null);
        EvalPlan plan = EvalPlan.of(EvalFixtures.set(task), task, task.variants(),
                List.of(EvalTarget.of(endpoint, "m")), task.cases().stream().map(DatasetCase::of).toList(), null,
                true);

        assertThat(plan.isMultipleChoice()).isFalse();
        EvalOutcome nothing = new EvalOutcome(ReportTally.of(plan, List.of()), false);
        assertThat(LikelihoodReport.of(plan, nothing).isEmpty()).isTrue();
    }

    private record Setup(EvalPlan plan, Path file, OpenAiTextProvider provider) {
    }

    private Setup setup() throws IOException {
        Path json = dir.resolve("tiny.json");
        Files.writeString(json, TASK);
        Dataset dataset = Datasets.read(json);
        ImportResult imported = PromptSetImport.newSet(dataset, null, 0);
        Task task = imported.promptSet().task(imported.taskId()).orElseThrow();
        List<DatasetCase> cases = Datasets.mapOnto(dataset, task, Map.of());
        Endpoint endpoint = new Endpoint("vllm", ProviderKind.OPENAI_TEXT, server.url("/v1").toString(), null, null);
        OpenAiTextProvider provider = new OpenAiTextProvider(TestHttp.client(new TestHttp.FakeSleeper()),
                endpoint.effectiveBaseUrl(), OpenAiOptions.defaults().withName("vLLM"));
        var zeroShot = task.variants().stream().filter(v -> "zero-shot".equals(v.id())).toList();
        EvalPlan plan = EvalPlan.of(imported.promptSet(), task, zeroShot, List.of(EvalTarget.of(endpoint, "m")),
                cases, null, true);
        return new Setup(plan, dir.resolve("tiny.eval.jsonl"), provider);
    }

    private static EvalOutcome run(Setup setup, ResultsFile file, List<LikelihoodRecord> heard)
            throws InterruptedException {
        try (ResultsFile results = file) {
            return new EvaluationRunner(e -> setup.provider()).start(setup.plan(), results, EvalOptions.DEFAULTS,
                    EvalFixtures.onScore(heard::add)).await();
        }
    }

    private static LikelihoodRecord byCase(EvalOutcome outcome, String caseId) {
        return outcome.likelihood().stream().filter(r -> r.testCase().equals(caseId)).findFirst().orElseThrow();
    }

    /**
     * A text-completion server. A request with {@code echo} scores its prompt: words (with their leading space)
     * are tokens, the first unscored, "cork" and "glass" at -0.2 and any other at -1.0; while {@code refusePoison}
     * holds, a prompt ending in " poison" is refused with a 400. Any other request is a completion answering
     * "cork".
     */
    static final class EchoServer extends Dispatcher {
        private static final Pattern WORDS = Pattern.compile("\\s*\\S+|\\s+$");
        private static final Set<String> LIKED = Set.of("cork", "glass");

        final List<String> scored = new CopyOnWriteArrayList<>();
        final List<String> generated = new CopyOnWriteArrayList<>();
        volatile boolean refusePoison = true;

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            JsonNode body;
            try {
                body = JSON.readTree(request.getBody().utf8());
            } catch (IOException e) {
                return new MockResponse.Builder().code(400).build();
            }
            String prompt = body.path("prompt").asText();
            if (!body.path("echo").asBoolean()) {
                generated.add(prompt);
                return events(chunk(" cork", List.of(" cork"), List.of("-0.5"), "stop"));
            }
            if (refusePoison && prompt.endsWith(" poison")) {
                return new MockResponse.Builder().code(400).setHeader("Content-Type", "application/json")
                        .body("{\"error\":{\"message\":\"poison is not allowed\"}}").build();
            }
            scored.add(prompt);
            List<String> tokens = new ArrayList<>();
            List<String> logprobs = new ArrayList<>();
            Matcher words = WORDS.matcher(prompt);
            while (words.find()) {
                tokens.add(words.group());
                logprobs.add(tokens.size() == 1 ? "null" : LIKED.contains(words.group().strip()) ? "-0.2" : "-1.0");
            }
            return events(chunk(prompt, tokens, logprobs, null), chunk(" x", List.of(" x"), List.of("-3.0"),
                    "length"));
        }

        private static String chunk(String text, List<String> tokens, List<String> logprobs,
                String finishReason) {
            return "{\"choices\":[{\"index\":0,\"text\":" + quote(text) + ",\"logprobs\":{\"tokens\":["
                    + String.join(",", tokens.stream().map(LikelihoodEchoTest::quote).toList())
                    + "],\"token_logprobs\":[" + String.join(",", logprobs) + "],\"top_logprobs\":["
                    + String.join(",", tokens.stream().map(t -> "null").toList()) + "]},\"finish_reason\":"
                    + (finishReason == null ? "null" : quote(finishReason)) + "}]}";
        }

        private static MockResponse events(String... chunks) {
            StringBuilder body = new StringBuilder();
            for (String chunk : chunks) {
                body.append("data: ").append(chunk).append("\n\n");
            }
            return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
                    .body(body.append("data: [DONE]\n\n").toString()).build();
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
