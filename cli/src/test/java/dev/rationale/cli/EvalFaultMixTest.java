// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rationale.cli.bench.FaultServer;
import dev.rationale.cli.bench.FaultServer.FaultMix;
import dev.rationale.cli.bench.FaultServer.Outcome;
import dev.rationale.core.history.CompletionFilter;
import dev.rationale.core.history.CompletionRow;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunFilter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval} against a server that answers with a mix of faults (429 with and without Retry-After, 500,
 * replies cut midway): every case is graded exactly once, in the results file and in the history, also when the run
 * is killed like {@code kill -9} and resumed. About correctness only; how fast is for {@code bench/eval-vs-peers.sh}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EvalFaultMixTest {
    private static final int CASES = 40;
    // Far denser than the bench's mix, so that 80 requests meet every kind of fault.
    private static final FaultMix MIX = new FaultMix(8, 6, 6, 6);

    @TempDir
    Path dir;

    private FaultServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyCaseIsGradedExactlyOnceThroughTheFaultMix() throws Exception {
        server = FaultServer.start(0, MIX);
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), CASES);
        Path out = dir.resolve("results.jsonl");

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "openai", "--base-url", server.baseUrl(),
                "--model", "m", "--concurrency", "8", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Outcome fault : List.of(Outcome.RATE_LIMITED, Outcome.RATE_LIMITED_RETRY_AFTER, Outcome.SERVER_ERROR,
                Outcome.CUT)) {
            assertThat(server.count(fault)).as("%s served", fault).isPositive();
        }
        assertExactlyOnceAndCorrect(ChildEval.records(out));
        // The first 429 lowers the limit; later ones only when they reach a new low, so a few lines, not one per 429.
        List<String> notices = run.err().lines().filter(l -> l.contains("429 Too Many Requests")).toList();
        assertThat(notices.getFirst()).endsWith("concurrency 8 -> 7");
        assertThat(notices).hasSizeLessThan(8);
        try (HistoryStore store = HistoryStore.open(dir)) {
            Run stored = store.runs(RunFilter.all()).items().getFirst();
            List<CompletionRow> rows = store.completions(CompletionFilter.of(stored.id())).items();
            Map<String, Integer> perCase = new HashMap<>();
            for (CompletionRow row : rows) {
                perCase.merge(row.key().variant() + "/" + row.key().caseId() + "/" + row.key().sample(), 1,
                        Integer::sum);
                assertThat(row.failure()).isNull();
                assertThat(row.grade().name()).isEqualToIgnoringCase("correct");
            }
            assertThat(perCase).hasSize(2 * CASES);
            assertThat(perCase.values()).containsOnly(1);
        }
    }

    @Test
    void aRunKilledAmidTheFaultMixResumesWithEveryCaseExactlyOnce() throws Exception {
        server = FaultServer.start(100, MIX);
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), CASES);
        Path out = dir.resolve("results.jsonl");
        List<String> args = List.of("eval", set.toString(), "--provider", "openai", "--base-url", server.baseUrl(),
                "--model", "m", "--concurrency", "4", "--out", out.toString());

        Process child = ChildEval.startChild(args, dir.resolve("child.log"));
        try {
            ChildEval.await(out, 10, Duration.ofSeconds(40));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        int beforeKill = ChildEval.records(out).size();
        assertThat(beforeKill).isBetween(10, 2 * CASES - 1);
        server.reset(0, MIX);

        List<String> resumeArgs = new ArrayList<>(args);
        resumeArgs.add("--resume");
        CliRun resumed = CliRun.of(resumeArgs.toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertExactlyOnceAndCorrect(ChildEval.records(out));
        assertThat(server.count(Outcome.OK)).isEqualTo(2L * CASES - beforeKill);
    }

    private static void assertExactlyOnceAndCorrect(List<JsonNode> records) {
        Map<String, Integer> perCase = new HashMap<>();
        for (JsonNode record : records) {
            perCase.merge(record.get("variant").asText() + "/" + record.get("case").asText() + "/"
                    + record.get("sample").asInt(), 1, Integer::sum);
            assertThat(record.get("status").asText()).as(record.toString()).isEqualTo("correct");
        }
        assertThat(perCase).hasSize(2 * CASES);
        assertThat(perCase.values()).containsOnly(1);
    }
}
