// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.paired.PairedComparison;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Page;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.StoredCompletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code rationale eval} in-process against a MockWebServer: the JSON summary, the table, exit codes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvalCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void jsonGivesOneObjectWithTheFiguresOfEachVariantAndModel() throws Exception {
        server.setDispatcher(new SumServer(0));
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 5);
        Path out = dir.resolve("out.jsonl");

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--model", "m2", "--variant", "direct",
                "--out", out.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(fieldNames(json)).containsExactly("task", "results", "completions", "cancelled", "cells",
                "cost", "baseline", "comparisons");
        assertThat(json.get("baseline").asText()).isEqualTo("direct");
        assertThat(json.get("comparisons")).as("one variant: nothing to compare").isEmpty();
        assertThat(json.get("completions").asInt()).isEqualTo(10);
        assertThat(json.get("cancelled").asBoolean()).isFalse();
        assertThat(json.get("cells")).hasSize(2);
        JsonNode cell = json.get("cells").get(1);
        assertThat(fieldNames(cell)).containsExactly("variant", "target", "endpoint", "model", "cases", "correct",
                "wrong", "failed", "ungraded", "pending", "accuracy", "interval", "meanVoteShare",
                "meanAnswerProbability", "latency", "promptTokens", "completionTokens", "thinkingTokens",
                "meanThinkingMillis", "calibration", "atK", "cachedTokens", "cost");
        assertThat(cell.get("model").asText()).isEqualTo("m2");
        // Sums 3..7: the 5 comes back as 6.
        assertThat(cell.get("correct").asInt()).isEqualTo(4);
        assertThat(cell.get("wrong").asInt()).isEqualTo(1);
        // One sample per case: only k = 1, where pass@1, maj@1 and cons@1 are the accuracy.
        assertThat(cell.get("atK").toString()).isEqualTo("[{\"k\":1,\"pass\":0.8,\"maj\":0.8,\"cons\":0.8}]");
        assertThat(cell.get("failed").asInt()).isZero();
        assertThat(cell.get("accuracy").asDouble()).isEqualTo(0.8);
        assertThat(cell.get("interval").get("low").asDouble()).isCloseTo(0.3755, within(0.001));
        assertThat(cell.get("interval").get("high").asDouble()).isCloseTo(0.9638, within(0.001));
        assertThat(cell.get("promptTokens").asLong()).isEqualTo(35);
        assertThat(cell.get("latency").get("count").asInt()).isEqualTo(5);
        assertThat(Files.readAllLines(out)).hasSize(10).noneMatch(l -> l.toLowerCase().contains("authorization"));
    }

    @Test
    void jsonComparesEachVariantWithTheFirstOnTheSameCases() throws Exception {
        server.setDispatcher(new SumServer(0));
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 5);

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--variant", "cot", "--variant", "direct",
                "--out", dir.resolve("o.jsonl").toString(), "--no-history", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("baseline").asText()).isEqualTo("cot");
        assertThat(json.get("comparisons")).hasSize(1);
        JsonNode comparison = json.get("comparisons").get(0);
        assertThat(comparison.get("variant").asText()).isEqualTo("direct");
        JsonNode paired = comparison.get("paired");
        assertThat(fieldNames(paired)).containsExactly("pairs", "bothRight", "onlyA", "onlyB", "onlyInA", "onlyInB",
                "accuracyA", "accuracyB", "difference", "interval", "p", "significant", "better");
        // The server answers both variants alike (the 5 comes back as 6), so they never disagree.
        assertThat(paired.get("pairs").asInt()).isEqualTo(5);
        assertThat(paired.get("bothRight").asInt()).isEqualTo(4);
        assertThat(paired.get("onlyA").asInt()).isZero();
        assertThat(paired.get("onlyB").asInt()).isZero();
        assertThat(paired.get("p").asDouble()).isEqualTo(1.0);
        assertThat(paired.get("interval").get("low").asDouble()).isZero();
        assertThat(paired.get("interval").get("high").asDouble()).isZero();
        assertThat(paired.get("significant").asBoolean()).isFalse();
        assertThat(paired.get("better").asText()).isEqualTo("neither");
    }

    @Test
    void withoutJsonATableIsPrinted() throws Exception {
        server.setDispatcher(new SumServer(0));
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 5);

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--out", dir.resolve("o.jsonl").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("variant").contains("accuracy", "95% interval", "correct", "failed");
        assertThat(lines.get(1)).startsWith("direct").contains("80.0%", "[37.6%, 96.4%]");
        assertThat(lines.get(lines.size() - 2)).startsWith("results: ");
        assertThat(lines.getLast()).startsWith("history: run ");
    }

    @Test
    void withoutJsonThePairedComparisonWithTheBaselineFollowsTheTable() throws Exception {
        server.setDispatcher(new SumServer(0));
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 5);

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--variant", "cot", "--variant", "direct",
                "--out", dir.resolve("o.jsonl").toString(), "--no-history");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("against cot ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.out())));
        assertThat(lines.get(heading - 1)).isEmpty();
        assertThat(lines.get(heading)).contains("95% interval", "b/c", "McNemar");
        // The server answers both variants alike, as --json's comparison says: no difference, no disagreement.
        assertThat(lines.get(heading + 1)).isEqualTo("  direct on m1: 0.0 [0.0, 0.0], b/c 0/0, p = 1.000,"
                + " not significant");
        assertThat(lines.get(heading + 2)).startsWith("results: ");
    }

    @Test
    void aComparisonLineGivesTheDifferenceItsIntervalTheDisagreementsAndP() {
        Map<String, Boolean> baseline = new LinkedHashMap<>();
        Map<String, Boolean> variant = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            baseline.put("c" + i, i < 10);
            variant.put("c" + i, true);
        }

        String line = EvalTable.comparisonText(PairedComparison.of(baseline, variant));

        assertThat(line).matches("\\+50\\.0 \\[\\+\\d+\\.\\d, \\+\\d+\\.\\d], b/c 0/10, p = 0\\.002, significant");
        assertThat(EvalTable.comparisonText(PairedComparison.of(Map.of(), Map.of("c1", true))))
                .isEqualTo("no case graded on both sides");
    }

    @Test
    void aDatasetFileReplacesTheTasksOwnCases() throws Exception {
        SumServer sums = new SumServer(0);
        server.setDispatcher(sums);
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 2);
        Path data = Files.writeString(dir.resolve("more.csv"), "id,question,expected\n"
                + "d1,What is 10 + 3?,13\nd2,What is 12 + 3?,15\nd3,What is 20 + 3?,23\n");
        Path out = dir.resolve("o.jsonl");

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--dataset", data.toString(), "--out", out.toString(),
                "--no-history");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        // Two variants x the file's three cases; the task's own two cases are not run.
        assertThat(lines).hasSize(6);
        assertThat(lines).allSatisfy(line -> assertThat(line).containsPattern("\"case\":\"d[123]\""));
        assertThat(sums.log()).noneMatch(entry -> entry.contains("What is 0 + 3?"));
        // 12 + 3 is a multiple of 5, which the server gets wrong on purpose.
        assertThat(lines.stream().filter(line -> line.contains("\"status\":\"correct\"")).count()).isEqualTo(4);
    }

    @Test
    void everyCompletionIsKeptInTheWorkspaceHistory() throws Exception {
        server.setDispatcher(new SumServer(0));
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 5);

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--out", dir.resolve("o.jsonl").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (HistoryStore store = HistoryStore.open(dir)) {
            Run stored = store.runs(RunFilter.all()).items().getFirst();
            assertThat(run.out()).contains("history: run " + stored.id());
            assertThat(stored.status()).isEqualTo(RunStatus.COMPLETED);
            Page<CompletionRow> rows = store.completions(CompletionFilter.of(stored.id()));
            // Two variants x five cases; one sum in five is answered wrong (see SumServer).
            assertThat(rows.total()).isEqualTo(10);
            assertThat(store.completions(CompletionFilter.of(stored.id()).withGrade(Verdict.CORRECT)).total())
                    .isEqualTo(8);
            StoredCompletion one = store.completion(rows.items().getFirst().id()).orElseThrow();
            assertThat(one.record().request().model()).isEqualTo("m1");
            assertThat(one.record().text()).isNotEmpty();
        }
        CliRun noHistory = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--out", dir.resolve("p.jsonl").toString(),
                "--no-history");
        assertThat(noHistory.exitCode()).isZero();
        try (HistoryStore store = HistoryStore.open(dir)) {
            assertThat(store.runs(RunFilter.all()).total()).isEqualTo(1);
        }
    }

    @Test
    void aKeyRefusedEverywhereExitsThreeAfterTheSummary() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return new MockResponse.Builder().code(401).body("{\"error\":{\"message\":\"bad key\"}}").build();
            }
        });
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 3);

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--out", dir.resolve("o.jsonl").toString(), "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(run.out()).get("cells").get(0).get("failed").asInt()).isEqualTo(3);
        assertThat(run.err()).startsWith("rationale: every request failed: ").contains("HTTP 401");
    }

    @Test
    void aFileThatIsNotAPromptSetExitsTwoAndSendsNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.rationale.json"), "{}");

        CliRun run = CliRun.of("eval", bad.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m1", "--out", dir.resolve("o.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theDefaultResultsFileLiesBesideThePromptSet() {
        assertThat(ResultsFile.defaultPath(Path.of("sets", "maths.rationale.json"), "add", null))
                .isEqualTo(Path.of("sets", "maths.add.eval.jsonl"));
        assertThat(ResultsFile.defaultPath(Path.of("maths.yaml"), "add", null))
                .isEqualTo(Path.of("maths.add.eval.jsonl"));
        assertThat(ResultsFile.defaultPath(Path.of("maths.rationale.json"), "add", Path.of("data", "extra.csv")))
                .as("a dataset's cases have results of their own").isEqualTo(Path.of("maths.add.extra.eval.jsonl"));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
