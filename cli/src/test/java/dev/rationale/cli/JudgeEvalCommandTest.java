// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.GradeDetail;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.PairVerdictRecord;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.StoredCompletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval} on a judge-graded set, in-process against one MockWebServer that answers and judges: the
 * verdicts in the results file and the history; then {@code history pairwise} on the same run.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JudgeEvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final JudgeServer judge = new JudgeServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(judge);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun eval(Path set, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    // The run was made with --provider and --base-url, which the history does not keep: the judge is named again.
    private CliRun pairwise(String runId, String... more) {
        List<String> args = new ArrayList<>(List.of("history", "pairwise", runId, "--workspace", dir.toString(),
                "--variants", "direct,terse", "--judge-provider", "openai", "--judge-base-url",
                server.url("/v1").toString(), "--judge-model", "m"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(JSON.readTree(line));
        }
        return records;
    }

    @Test
    void theJudgeGradesEachAnswerAndItsVerdictIsKeptInTheResultsAndTheHistory() throws Exception {
        Path set = JudgeServer.writeSet(dir.resolve("capitals.rationale.json"));
        Path out = dir.resolve("out.jsonl");

        CliRun run = eval(set, out, "--variant", "direct", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, JsonNode> byCase = lines(out).stream().collect(Collectors.toMap(r -> r.get("case").asText(),
                Function.identity()));
        assertThat(byCase.get("fr").get("status").asText()).isEqualTo("correct");
        assertThat(byCase.get("fr").get("grading").get("grader").asText()).isEqualTo("judge");
        assertThat(byCase.get("fr").get("grading").get("score").asDouble()).isEqualTo(5.0);
        assertThat(byCase.get("fr").get("grading").get("note").asText()).isEqualTo("Paris is right.");
        assertThat(byCase.get("it").get("status").asText()).isEqualTo("wrong");
        assertThat(byCase.get("it").get("grading").get("score").asDouble()).isEqualTo(2.0);
        assertThat(byCase.get("es").get("status").asText()).isEqualTo("ungraded");
        assertThat(byCase.get("es").get("grading").has("score")).isFalse();
        assertThat(byCase.get("es").get("grading").get("note").asText())
                .isEqualTo("the judge's reply has no JSON object with a score");
        assertThat(byCase.get("es").get("grading").get("reply").asText()).isEqualTo("I would rather not say.");
        // The cell counts the judge's verdicts, its mean score, and how far it agrees with exact match.
        JsonNode cell = JSON.readTree(run.out()).get("cells").get(0);
        assertThat(cell.get("correct").asInt()).isEqualTo(1);
        assertThat(cell.get("wrong").asInt()).isEqualTo(1);
        assertThat(cell.get("ungraded").asInt()).isEqualTo(1);
        JsonNode scores = cell.get("scores");
        assertThat(scores.get("grader").asText()).isEqualTo("judge");
        assertThat(scores.get("scored").asInt()).isEqualTo(2);
        assertThat(scores.get("unscored").asInt()).isEqualTo(1);
        assertThat(scores.get("meanScore").asDouble()).isEqualTo(3.5);
        assertThat(scores.get("agreement").get("items").asInt()).isEqualTo(2);
        // The judge read the question without exemplars, the answer, the reference and the criteria.
        assertThat(judge.judgePrompts()).hasSize(3).anySatisfy(prompt -> assertThat(prompt).contains(
                "Q: What is the capital of France?", "The capital of France is Paris.", "Paris",
                "Names the capital city."));

        try (HistoryStore store = HistoryStore.open(dir)) {
            String runId = store.runs(RunFilter.all()).items().getFirst().id();
            Map<String, CompletionRecord> kept = store.completionsOfRun(runId).stream().map(StoredCompletion::record)
                    .collect(Collectors.toMap(r -> r.key().caseId(), Function.identity()));
            GradeDetail france = kept.get("fr").grading();
            assertThat(france.score()).isEqualTo(5.0);
            assertThat(france.request()).contains("The capital of France is Paris.");
            assertThat(france.reply()).isEqualTo("{\"reason\": \"Paris is right.\", \"score\": 5}");
            assertThat(kept.get("it").grade()).isEqualTo(Verdict.WRONG);
            assertThat(kept.get("es").grade()).isEqualTo(Verdict.UNGRADED);
            assertThat(kept.get("es").grading().scored()).isFalse();
        }
    }

    @Test
    void aJudgeEndpointThatIsNotThereIsRefusedBeforeAnythingIsSent() throws Exception {
        Path set = JudgeServer.writeSet(dir.resolve("capitals.rationale.json"));

        CliRun run = eval(set, dir.resolve("out.jsonl"), "--judge-endpoint", "no-such-judge", "--no-history");

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("judge endpoint \"no-such-judge\" is not among the endpoints");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void pairwiseJudgesBothOrdersCountsTheInconsistentPairsAndKeepsTheVerdicts() throws Exception {
        Path set = JudgeServer.writeSet(dir.resolve("capitals.rationale.json"));
        assertThat(eval(set, dir.resolve("out.jsonl")).exitCode()).isZero();
        String runId;
        try (HistoryStore store = HistoryStore.open(dir)) {
            runId = store.runs(RunFilter.all()).items().getFirst().id();
        }

        CliRun json = pairwise(runId, "--json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode summary = JSON.readTree(json.out());
        // The judge always prefers what it is shown first: every pair flips with the order.
        assertThat(summary.get("firstWins").asInt()).isZero();
        assertThat(summary.get("secondWins").asInt()).isZero();
        assertThat(summary.get("ties").asInt()).isEqualTo(3);
        assertThat(summary.get("inconsistent").asInt()).isEqualTo(3);
        assertThat(summary.get("pairs")).hasSize(3);
        JsonNode france = null;
        for (JsonNode pair : summary.get("pairs")) {
            france = pair.get("caseId").asText().equals("fr") ? pair : france;
        }
        assertThat(france).as("the pair of case fr").isNotNull();
        assertThat(france.get("verdict").asText()).isEqualTo("tie");
        assertThat(france.get("asShown").get("winner").asText()).isEqualTo("A");
        assertThat(france.get("swapped").get("winner").asText()).isEqualTo("A");
        try (HistoryStore store = HistoryStore.open(dir)) {
            StoredCompletion direct = store.completionsOfRun(runId).stream()
                    .filter(c -> c.record().key().variant().equals("direct")
                            && c.record().key().caseId().equals("fr")).findFirst().orElseThrow();
            List<PairVerdictRecord> verdicts = store.pairVerdicts(direct.id());
            assertThat(verdicts).singleElement().satisfies(v -> {
                assertThat(v.first()).isEqualTo(direct.id());
                assertThat(v.outcome()).isEqualTo("tie");
                assertThat(v.inconsistent()).isTrue();
                assertThat(v.judge()).isEqualTo("openai/m");
                assertThat(v.asShownRequest()).contains("Q: What is the capital of France?");
                assertThat(v.asShownReply()).contains("\"winner\": \"A\"");
                assertThat(v.swappedRequest()).isNotEqualTo(v.asShownRequest());
            });
        }

        CliRun table = pairwise(runId);

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("direct wins 0, terse wins 0, ties 3 (3 inconsistent");
        assertThat(table.out().lines()).anyMatch(line -> line.startsWith("fr ") && line.contains("tie"));
    }

    @Test
    void pairwiseRefusesAVariantTheRunDidNotHave() throws Exception {
        Path set = JudgeServer.writeSet(dir.resolve("capitals.rationale.json"));
        assertThat(eval(set, dir.resolve("out.jsonl"), "--variant", "direct").exitCode()).isZero();
        String runId;
        try (HistoryStore store = HistoryStore.open(dir)) {
            runId = store.runs(RunFilter.all()).items().getFirst().id();
        }

        CliRun run = pairwise(runId);

        assertThat(run.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(run.err()).contains("run " + runId + " has no variant \"terse\" (it ran: direct)");
    }
}
