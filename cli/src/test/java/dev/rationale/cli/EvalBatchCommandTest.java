// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.eval.BatchRecord;
import dev.rationale.core.eval.ResultsFile;
import dev.rationale.core.eval.SampleRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.RunBatch;
import dev.rationale.core.history.RunFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval --batch} against OpenAI's batch API on a MockWebServer: one process submits and exits,
 * another resumes, polls and imports; {@code --cancel-batch}; an endpoint without a batch API.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EvalBatchCommandTest {
    private final MockWebServer server = new MockWebServer();
    private final OpenAiBatchServer batches = new OpenAiBatchServer();

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(batches);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> args(Path set, Path out, String... more) {
        List<String> args = new ArrayList<>(ChildEval.args(set, server.url("/v1").toString(), out));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aProcessSubmitsAndExitsThenAnotherResumesPollsAndImports() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 3);
        Path out = dir.resolve("sums.eval.jsonl");
        Path log = dir.resolve("child.log");

        Process child = ChildEval.startChild(args(set, out, "--batch", "--submit-only"), log);
        assertThat(child.waitFor(40, TimeUnit.SECONDS)).isTrue();

        String childLog = Files.readString(log);
        assertThat(child.exitValue()).as(childLog).isZero();
        assertThat(batches.batches).containsExactly("batch_0");
        assertThat(batches.looks).as("submitting does not wait").isEmpty();
        assertThat(childLog).contains("batch batch_0 (OpenAI Batch, 6 requests): submitted")
                .contains("1 batch is open at the provider").contains("--resume").doesNotContain("--submit-only ");
        assertThat(ResultsFile.batches(out)).singleElement().extracting(BatchRecord::imported).isEqualTo(false);

        CliRun resumed = CliRun.of(args(set, out, "--resume", "--poll-interval", "0.01").toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(batches.batches).as("nothing submitted twice").hasSize(1);
        assertThat(resumed.err()).contains("batch batch_0 (OpenAI Batch, 6 requests): in_progress")
                .contains("completed, 6 done, imported");
        List<SampleRecord> records = ResultsFile.read(out);
        assertThat(records).hasSize(6).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Verdict.CORRECT);
            assertThat(r.batch()).isEqualTo("batch_0");
        });
        assertThat(resumed.out()).contains("direct").contains("cot").contains("100.0%");
        try (HistoryStore store = HistoryStore.open(dir)) {
            List<String> runs = store.runs(RunFilter.all()).items().stream().map(r -> r.id()).toList();
            assertThat(runs).hasSize(2);
            assertThat(runs.stream().flatMap(id -> store.batches(id).stream()).map(RunBatch::state))
                    .contains("pending", "completed");
        }
        CliRun shown = CliRun.of("history", "show", "--workspace", dir.toString(),
                resumed.out().replaceAll("(?s).*history: run (\\S+) .*", "$1"));
        assertThat(shown.out()).as(shown.err()).contains("Batch batch_0 (OpenAI Batch, target m, 6 requests):"
                + " completed, imported");
    }

    @Test
    void jsonListsTheRunsBatches() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 2);
        Path out = dir.resolve("sums.eval.jsonl");

        CliRun run = CliRun.of(args(set, out, "--batch", "--poll-interval", "0.01", "--no-history", "--json")
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("batches")).hasSize(1);
        JsonNode batch = json.path("batches").get(0);
        assertThat(batch.path("id").asText()).isEqualTo("batch_0");
        assertThat(batch.path("api").asText()).isEqualTo("OpenAI Batch");
        assertThat(batch.path("state").asText()).isEqualTo("completed");
        assertThat(batch.path("requests").asInt()).isEqualTo(4);
        assertThat(batch.path("finished").asInt()).isEqualTo(4);
        assertThat(batch.path("imported").asBoolean()).isTrue();
    }

    @Test
    void cancelBatchCancelsAtTheProviderAndRecordsTheRequestsFailed() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 2);
        Path out = dir.resolve("sums.eval.jsonl");
        CliRun submitted = CliRun.of(args(set, out, "--batch", "--submit-only", "--no-history")
                .toArray(String[]::new));
        assertThat(submitted.exitCode()).as(submitted.err()).isZero();

        CliRun cancelled = CliRun.of(args(set, out, "--cancel-batch", "--poll-interval", "0", "--no-history")
                .toArray(String[]::new));

        assertThat(batches.cancels.get()).isOne();
        assertThat(ResultsFile.read(out)).hasSize(4).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Verdict.FAILED);
            assertThat(r.reason()).isEqualTo("OpenAI Batch: batch batch_0 was cancelled before this request was"
                    + " answered");
        });
        assertThat(cancelled.exitCode()).as("every request failed").isNotZero();
        assertThat(ResultsFile.batches(out)).singleElement().satisfies(b -> assertThat(b.imported()).isTrue());

        CliRun again = CliRun.of(args(set, out, "--resume", "--batch", "--poll-interval", "0", "--no-history")
                .toArray(String[]::new));

        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(batches.batches).hasSize(2);
        assertThat(ResultsFile.read(out)).extracting(SampleRecord::status).containsOnly(Verdict.CORRECT);
    }

    @Test
    void anEndpointWithoutABatchApiIsRefusedInOneLine() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 1);

        CliRun run = CliRun.of("eval", set.toString(), "--provider", "ollama", "--base-url",
                server.url("/").toString(), "--model", "m", "--batch", "--no-history");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).isEqualTo("rationale: endpoint \"ollama\" (ollama) has no batch API; batches go"
                + " to openai, anthropic or gemini endpoints");
    }
}
