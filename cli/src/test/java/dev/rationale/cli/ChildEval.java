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
import java.util.ArrayList;
import java.util.List;

/** For tests that run {@code rationale eval} in a JVM of its own: starting it, and reading its results file. */
final class ChildEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChildEval() {
    }

    /**
     * Starts {@code rationale ARGS} in a new JVM with this test's classpath, its output and errors going to
     * {@code log}. SIGINT is reset to its default first: a JVM started with it ignored (as a background job's
     * children are) would never see Ctrl-C.
     */
    static Process startChild(List<String> args, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT", java, "-cp",
                System.getProperty("java.class.path"), RationaleCommand.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** {@code eval SET} with model "m" on an OpenAI-compatible server, its results going to {@code out}. */
    static List<String> args(Path set, String baseUrl, Path out) {
        return List.of("eval", set.toString(), "--provider", "openai", "--base-url", baseUrl, "--model", "m",
                "--out", out.toString());
    }

    static void await(Path file, int lines, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file) || complete(file) < lines) {
            assertThat(System.nanoTime()).as("%d lines in %s within %s", lines, file, timeout).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long complete(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long count = 0;
        for (byte b : bytes) {
            count += b == '\n' ? 1 : 0;
        }
        return count;
    }

    /** The records of lines ended by a newline; a torn tail from a kill is not a record. */
    static List<JsonNode> records(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        List<JsonNode> records = new ArrayList<>();
        for (String line : complete.split("\n")) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }

    /** The server's log entry for a record: which request answered it. */
    static String requestKey(JsonNode record) {
        return SumServer.requestKey(record.get("model").asText(), record.get("variant").asText(),
                record.get("case").asText());
    }
}
