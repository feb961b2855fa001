// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.cli.bench.FaultServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rationale eval} of a run far larger than a small heap could hold whole. */
class EvalStreamingTest {
    private static final int CASES = 10_000;

    @TempDir
    Path workspace;

    @Test
    void anEvaluationOfTwentyThousandCompletionsRunsWithinSixtyFourMegabytesOfHeapAndGradesEveryCase()
            throws Exception {
        Path set = writeSet(workspace.resolve("sums.rationale.json"), CASES);

        JsonNode summary = evaluate(set, "-Xmx64m");

        assertEveryCaseGraded(summary, CASES);
    }

    @Test
    void aSetOfThreeHundredThousandCasesLoadsValidatesAndRunsWithinFortyEightMegabytesOfHeap() throws Exception {
        // As records the cases alone took about 100 MB, and reading the file's 23 MB of text took 92 MB at once.
        Path set = writeSet(workspace.resolve("many.rationale.json"), 300_000);

        JsonNode summary = evaluate(set, "-Xmx48m", "--limit", "5000");

        assertEveryCaseGraded(summary, 5000);
    }

    private JsonNode evaluate(Path set, String heap, String... more) throws Exception {
        Path results = workspace.resolve("sums.eval.jsonl");
        Path log = workspace.resolve("eval.log");
        Path out = workspace.resolve("eval.json");
        try (FaultServer server = FaultServer.start(0, FaultServer.FaultMix.NONE)) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), RationaleCommand.class.getName(), "eval", set.toString(),
                    "--provider", "openai", "--base-url", server.baseUrl(), "--model", "bench", "--concurrency", "8",
                    "--out", results.toString(), "--json"));
            command.addAll(List.of(more));
            Process child = new ProcessBuilder(command).redirectError(log.toFile()).redirectOutput(out.toFile())
                    .start();
            assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("the evaluation ends").isTrue();
            assertThat(child.exitValue()).as(Files.readString(log)).isZero();
        }
        JsonNode summary = new ObjectMapper().readTree(out.toFile());
        try (Stream<String> lines = Files.lines(results, StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(summary.path("completions").asLong());
        }
        return summary;
    }

    private static void assertEveryCaseGraded(JsonNode summary, int cases) {
        assertThat(summary.path("completions").asInt()).isEqualTo(2 * cases);
        assertThat(summary.path("cells")).hasSize(2).allSatisfy(cell -> {
            assertThat(cell.path("cases").asInt()).isEqualTo(cases);
            // The server answers every sum right.
            assertThat(cell.path("correct").asInt()).as(cell.toString()).isEqualTo(cases);
            assertThat(cell.path("pending").asInt()).isZero();
            assertThat(cell.path("latency").path("count").asInt()).isEqualTo(cases);
        });
    }

    private static Path writeSet(Path file, int count) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < count; i++) {
            cases.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"c%06d\",\"inputs\":{\"question\":\"What is %d + 3?\"},\"expected\":\"%d\"}", i, i,
                    i + 3));
        }
        return Files.writeString(file, "{\"format\":\"rationale-prompt-set\",\"version\":1,\"name\":\"Sums\","
                + "\"tasks\":[{\"id\":\"sums\",\"template\":{\"input\":\"Q: {{question}}\"},"
                + "\"answer\":{\"extract\":\"answer-is\",\"compare\":\"numeric\"},\"cases\":[" + cases + "],"
                + "\"variants\":[{\"id\":\"direct\"},{\"id\":\"cot\",\"reasoning\":\"zero-shot-trigger\"}]}]}\n",
                StandardCharsets.UTF_8);
    }
}
