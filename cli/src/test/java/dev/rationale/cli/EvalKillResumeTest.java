// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale eval} killed like {@code kill -9} in a JVM of its own, then resumed: every completion ends up in
 * the results file exactly once, and none that was on disk before the kill is asked again.
 */
@Timeout(value = 45, unit = TimeUnit.SECONDS)
class EvalKillResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MockWebServer server = new MockWebServer();
    private final SumServer sums = new SumServer(150);

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(sums);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aKilledRunResumesWithoutRedoingAnyFinishedCompletion() throws Exception {
        Path set = SumServer.writeSet(dir.resolve("sums.rationale.json"), 40);
        Path out = dir.resolve("results.jsonl");
        List<String> args = List.of("eval", set.toString(), "--provider", "openai", "--base-url",
                server.url("/v1").toString(), "--model", "m", "--out", out.toString());

        Process child = new ProcessBuilder(childCommand(args)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            awaitLines(out, 8, Duration.ofSeconds(20));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Set<String> finishedBeforeKill = new HashSet<>();
        for (JsonNode record : completeRecords(out)) {
            finishedBeforeKill.add(SumServer.requestKey(record.get("model").asText(), record.get("variant").asText(),
                    record.get("case").asText()));
        }
        assertThat(finishedBeforeKill).hasSizeBetween(8, 79);
        int requestsBeforeResume = sums.log().size();
        sums.setDelayMillis(0);

        List<String> resumeArgs = new java.util.ArrayList<>(args);
        resumeArgs.add("--resume");
        CliRun resumed = CliRun.of(resumeArgs.toArray(String[]::new));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Map<String, Integer> perCompletion = new HashMap<>();
        for (JsonNode record : completeRecords(out)) {
            String key = record.get("variant").asText() + "/" + record.get("case").asText() + "/"
                    + record.get("sample").asInt();
            perCompletion.merge(key, 1, Integer::sum);
            assertThat(record.get("status").asText()).isIn("correct", "wrong");
        }
        assertThat(perCompletion).hasSize(80);
        assertThat(perCompletion.values()).containsOnly(1);
        List<String> askedAfterKill = sums.log().subList(requestsBeforeResume, sums.log().size());
        assertThat(askedAfterKill).doesNotContainAnyElementsOf(finishedBeforeKill);
        assertThat(askedAfterKill).hasSize(80 - finishedBeforeKill.size());
    }

    private static List<String> childCommand(List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                RationaleCommand.class.getName()));
        command.addAll(args);
        return command;
    }

    private static void awaitLines(Path file, int lines, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file) || completeLines(file) < lines) {
            assertThat(System.nanoTime()).as("%d lines in %s within %s", lines, file, timeout).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long completeLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long count = 0;
        for (byte b : bytes) {
            count += b == '\n' ? 1 : 0;
        }
        return count;
    }

    // Lines ended by a newline; a torn tail from the kill is not a record.
    private static List<JsonNode> completeRecords(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        List<JsonNode> records = new java.util.ArrayList<>();
        for (String line : complete.split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }
}
