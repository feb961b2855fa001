// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.TestCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export --format openai-batch, import openai-batch and report, on the arithmetic sample, end to end. */
class ExchangeCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN_ID = Pattern.compile("history: run (\\S+) in ");
    /** The arithmetic sample's 48 cases times 12 completions: one for each of seven variants, five for one. */
    private static final int COMPLETIONS = 48 * 12;

    @TempDir
    Path dir;

    @Test
    void aSampleSetGoesToABatchFileComesBackAsARunAndIsReported() throws Exception {
        Path set = dir.resolve("arithmetic.rationale.json");
        Files.copy(CliRun.sample("arithmetic.rationale.json"), set);
        Path requests = dir.resolve("batch.jsonl");

        CliRun export = CliRun.of("export", set.toString(), "--format", "openai-batch", "--model", "gpt-4o-mini",
                "--out", requests.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(requests, StandardCharsets.UTF_8);
        // Every variant goes, the raw-text ones as chat messages: 48 cases, 1 sample each for seven variants and 5
        // for self-consistency.
        assertThat(lines).hasSize(COMPLETIONS);
        assertThat(export.out()).contains(COMPLETIONS + " requests for gpt-4o-mini");
        assertThat(export.err()).isEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(JSON.readTree(line).get("body").get("messages").isArray())
                .as(line).isTrue());

        Path output = dir.resolve("batch_output.jsonl");
        Files.write(output, answers(PromptSetFiles.load(set), lines), StandardCharsets.UTF_8);
        CliRun imported = CliRun.of("import", "openai-batch", output.toString(), "--set", set.toString(), "--out",
                dir.resolve("results.jsonl").toString());

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        // Every answer right but the first case's.
        assertThat(imported.out()).contains("zero-shot").contains("chat-cot-8").contains("97.9%");
        assertThat(imported.err()).contains("1 custom ids belong to no completion of the set: not-ours-1");
        Matcher run = RUN_ID.matcher(imported.out());
        assertThat(run.find()).as(imported.out()).isTrue();
        String runId = run.group(1);
        assertThat(Files.readAllLines(dir.resolve("results.jsonl"))).hasSize(COMPLETIONS);

        CliRun history = CliRun.of("history", "list", "--workspace", dir.toString());
        assertThat(history.out()).contains(runId).contains(COMPLETIONS + "/" + COMPLETIONS)
                .contains("openai-batch/gpt-4o-mini");

        Path html = dir.resolve("report.html");
        Path csv = dir.resolve("report.csv");
        Path jsonl = dir.resolve("report.jsonl");
        for (String[] format : new String[][] {{"html", html.toString()}, {"csv", csv.toString()},
            {"jsonl", jsonl.toString()}}) {
            CliRun report = CliRun.of("report", runId, "--format", format[0], "--out", format[1], "--workspace",
                    dir.toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(report.out()).contains(COMPLETIONS + " completions");
        }
        assertThat(Files.readString(html)).contains("<table class=\"grid\">").contains("97.9%");
        assertThat(Files.readAllLines(csv).getFirst()).startsWith("run,task,variant,endpoint,model,case,sample");
        assertThat(Files.readAllLines(csv)).hasSize(COMPLETIONS + 1);
        assertThat(Files.readAllLines(jsonl)).hasSize(COMPLETIONS);
    }

    @Test
    void reportingARunTheWorkspaceDoesNotHaveExitsTwo() {
        CliRun report = CliRun.of("report", "no-such-run", "--format", "html", "--out",
                dir.resolve("r.html").toString(), "--workspace", dir.toString());

        assertThat(report.exitCode()).isEqualTo(RationaleCommand.EXIT_BAD_INPUT);
        assertThat(report.err()).contains("no run no-such-run");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    // The Batch API's answer to each request: the expected number (wrong for the first case), plus a stranger.
    private static List<String> answers(PromptSet set, List<String> requests) throws Exception {
        List<String> out = new ArrayList<>();
        for (String text : requests) {
            JsonNode request = JSON.readTree(text);
            String id = request.get("custom_id").asText();
            String expected = set.tasks().getFirst().cases().stream().filter(c -> id.contains("_" + c.id() + "-"))
                    .map(TestCase::expected).findFirst().orElseThrow();
            out.add(answer(id, id.contains("_c01-") ? "-1" : expected));
        }
        out.add(answer("not-ours-1", "3"));
        return out;
    }

    private static String answer(String customId, String number) {
        ObjectNode line = JSON.createObjectNode().put("id", "batch_req_" + customId.hashCode())
                .put("custom_id", customId);
        ObjectNode response = line.putObject("response").put("status_code", 200);
        ObjectNode body = response.putObject("body").put("object", "chat.completion").put("model", "gpt-4o-mini");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content",
                "Adding up, the answer is " + number + ".");
        body.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 9);
        line.putNull("error");
        return line.toString();
    }
}
