// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rationale import openai-batch} of an output file larger than a small heap. The history is left out: it is
 * written a completion at a time whatever the importer does ({@code EvalStreamingTest} keeps it in), and it is the
 * slow part on a busy machine.
 */
class BatchImportStreamingTest {
    private static final int CASES = 20_000;
    private static final int TOKENS = 70;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CASE = Pattern.compile("_c(\\d{5})-");

    @TempDir
    Path dir;

    @Test
    void aBatchOutputOfTwentyThousandLinesWithTokensImportsWithinSixtyFourMegabytesOfHeap() throws Exception {
        Path set = writeSet(dir.resolve("sums.rationale.json"));
        Path requests = dir.resolve("batch.jsonl");
        CliRun export = CliRun.of("export", set.toString(), "--format", "openai-batch", "--model", "gpt-4o-mini",
                "--out", requests.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        Path output = answer(requests, dir.resolve("batch_output.jsonl"));
        assertThat(Files.size(output)).as("the output is far larger than the heap").isGreaterThan(96L << 20);
        Path results = dir.resolve("sums.eval.jsonl");
        Path log = dir.resolve("import.log");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RationaleCommand.class.getName(), "import", "openai-batch",
                output.toString(), "--set", set.toString(), "--out", results.toString(), "--no-history")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("the import ends").isTrue();

        assertThat(child.exitValue()).as(Files.readString(log)).isZero();
        // Every answer is right, but every tenth case's.
        assertThat(Files.readString(log)).contains("90.0%");
        try (Stream<String> lines = Files.lines(results, StandardCharsets.UTF_8)) {
            assertThat(lines.filter(line -> line.contains("\"status\":\"correct\"")).count())
                    .isEqualTo(CASES - CASES / 10);
        }
        try (Stream<String> lines = Files.lines(results, StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(CASES);
        }
    }

    // Answers each request, a line at a time, as the Batch API would, with scored tokens that make lines long.
    private static Path answer(Path requests, Path output) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(requests, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (String request = in.readLine(); request != null; request = in.readLine()) {
                String id = JSON.readTree(request).get("custom_id").asText();
                Matcher number = CASE.matcher(id);
                assertThat(number.find()).as(id).isTrue();
                int i = Integer.parseInt(number.group(1));
                out.write(JSON.writeValueAsString(line(id, i % 10 == 0 ? "0" : String.valueOf(i + 3))));
                out.write('\n');
            }
        }
        return output;
    }

    private static JsonNode line(String id, String answer) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", "batch_req_" + id);
        line.put("custom_id", id);
        ObjectNode response = line.putObject("response");
        response.put("status_code", 200);
        ObjectNode body = response.putObject("body");
        body.put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", "Adding them. ".repeat(TOKENS - 5)
                + "The answer is " + answer + ".");
        ArrayNode tokens = choice.putObject("logprobs").putArray("content");
        for (int t = 0; t < TOKENS - 5; t++) {
            tokens.addObject().put("token", "Adding them. ").put("logprob", -0.01).putArray("top_logprobs");
        }
        for (String token : new String[] {"The", " answer", " is", " " + answer, "."}) {
            tokens.addObject().put("token", token).put("logprob", -0.02).putArray("top_logprobs");
        }
        choice.put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", TOKENS);
        line.putNull("error");
        return line;
    }

    private static Path writeSet(Path file) throws IOException {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < CASES; i++) {
            cases.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"c%05d\",\"inputs\":{\"question\":\"What is %d + 3?\"},\"expected\":\"%d\"}", i, i,
                    i + 3));
        }
        return Files.writeString(file, "{\"format\":\"rationale-prompt-set\",\"version\":1,\"name\":\"Sums\","
                + "\"tasks\":[{\"id\":\"sums\",\"template\":{\"input\":\"Q: {{question}}\"},"
                + "\"answer\":{\"extract\":\"answer-is\",\"compare\":\"numeric\"},\"cases\":[" + cases + "],"
                + "\"variants\":[{\"id\":\"direct\"}]}]}\n", StandardCharsets.UTF_8);
    }
}
