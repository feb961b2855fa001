// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rationale.core.answer.Verdict;
import dev.rationale.core.history.CompletionRecord;
import dev.rationale.core.history.HistoryStore;
import dev.rationale.core.history.Run;
import dev.rationale.core.history.RunCompletionKey;
import dev.rationale.core.history.RunKind;
import dev.rationale.core.history.RunStatus;
import dev.rationale.core.history.RunTarget;
import dev.rationale.core.promptset.GenerationSettings;
import dev.rationale.core.provider.CompletionRequest;
import dev.rationale.core.provider.FinishReason;
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.provider.Timings;
import dev.rationale.core.provider.Usage;
import dev.rationale.core.render.ChatMessage;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rationale report} and {@code history compare} on runs far larger than a small heap could hold whole. */
class ReportStreamingTest {
    private static final int COMPLETIONS = 20_000;
    private static final String RUN = "20261207-030000-big0";
    private static final String RERUN = "20261207-040000-big1";
    private static final RunTarget TARGET = new RunTarget("local", ProviderKind.OPENAI, "m");
    // Long prompts and answers, so that the run read whole would need several times the heap.
    private static final String SYSTEM = "You are a careful assistant. ".repeat(40);

    @TempDir
    Path workspace;

    @Test
    void aCsvReportOfALargeRunStreamsWithinSixtyFourMegabytesOfHeap() throws Exception {
        record();
        Path csv = workspace.resolve("big.csv");

        reportInSmallHeap("csv", csv);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(COMPLETIONS + 1);
        assertThat(lines.getFirst()).startsWith("run,task,variant,endpoint,model,case,sample,");
        Set<String> positions = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            positions.add(fields[2] + "/" + fields[5]);
        }
        assertThat(positions).hasSize(COMPLETIONS).contains("a/case-0", "b/case-" + (COMPLETIONS / 2 - 1));
    }

    @Test
    void anHtmlReportOfALargeRunIsMadeWithinSixtyFourMegabytesOfHeapAndShowsASample() throws Exception {
        record();
        Path html = workspace.resolve("big.html");

        reportInSmallHeap("html", html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        // Every answer is right: no case is worth reading first, so the page shows the sample of 100.
        assertThat(page).contains("Showing 100 of 10,000 cases: none has a wrong, unanswered or failed"
                + " completion, and 100 of the other 10,000");
        assertThat(page.split("<section class=\"case\">", -1)).hasSize(101);
        assertThat(page.length()).isLessThan(5_000_000);
    }

    @Test
    void comparingTwoLargeRunsStreamsWithinSixtyFourMegabytesOfHeapAndListsEveryChange() throws Exception {
        record();
        // Every seventh completion of the rerun is wrong: those cases broke.
        record(RERUN, Instant.now().plusSeconds(60), i -> i % 7 == 0 ? Verdict.WRONG : Verdict.CORRECT);
        int broke = (COMPLETIONS + 6) / 7;
        Path json = workspace.resolve("compare.json");
        Path table = workspace.resolve("compare.txt");

        inSmallHeap(json, "history", "compare", RUN, RERUN, "--json", "--workspace", workspace.toString());
        inSmallHeap(table, "history", "compare", RUN, RERUN, "--workspace", workspace.toString());

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("broke").asInt()).isEqualTo(broke);
        assertThat(report.path("fixed").asInt()).isZero();
        assertThat(report.path("paired").path("pairs").asInt()).isEqualTo(COMPLETIONS);
        assertThat(report.path("paired").path("onlyA").asInt()).isEqualTo(broke);
        JsonNode changes = report.path("changes");
        assertThat(changes).hasSize(broke);
        Set<String> cases = new HashSet<>();
        changes.forEach(change -> cases.add(change.path("variant").asText() + "/" + change.path("case").asText()));
        assertThat(cases).hasSize(broke).contains("a/case-0", "b/case-10", "a/case-7");
        assertThat(Files.readString(table)).contains("0 fixed, " + broke + " broke.")
                .contains("… and " + (broke - HistoryCompareCommand.CASES_SHOWN) + " more (--json lists every one).");
    }

    // rationale report in a JVM of its own whose heap could not hold the run.
    private void reportInSmallHeap(String format, Path out) throws Exception {
        inSmallHeap(workspace.resolve("report.log"), "report", RUN, "--format", format, "--out", out.toString(),
                "--workspace", workspace.toString());
    }

    // A command in a JVM of its own with a 64 MB heap, its standard output to {@code out}.
    private static void inSmallHeap(Path out, String... arguments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), RationaleCommand.class.getName()));
        command.addAll(List.of(arguments));
        Path err = out.resolveSibling(out.getFileName() + ".err");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the command ends").isTrue();
        assertThat(child.exitValue()).as(Files.readString(err)).isZero();
    }

    private void record() {
        record(RUN, Instant.now(), i -> Verdict.CORRECT);
    }

    private void record(String run, Instant startedAt, IntFunction<Verdict> grade) {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(Run.started(run, RunKind.EVALUATION, startedAt, null, "big", "sums", List.of("a", "b"),
                    List.of(TARGET), GenerationSettings.NONE, COMPLETIONS));
            List<CompletionRecord> batch = new ArrayList<>();
            for (int i = 0; i < COMPLETIONS; i++) {
                batch.add(completion(run, i, grade.apply(i)));
                if (batch.size() == 1_000) {
                    store.recordAll(batch);
                    batch.clear();
                }
            }
            store.finishRun(run, RunStatus.COMPLETED, Instant.now());
        }
    }

    private static CompletionRecord completion(String run, int i, Verdict grade) {
        String question = "Question " + i + ": what is " + i + " + 1? " + "Explain each step. ".repeat(20);
        CompletionRequest request = CompletionRequest.of("m", new RenderedPrompt.Chat(List.of(
                ChatMessage.system(SYSTEM), ChatMessage.user(question))));
        String answer = String.valueOf(i + 1);
        String text = ("Step " + i + " adds one. ").repeat(30) + "The answer is " + answer + ".";
        return new CompletionRecord(new RunCompletionKey(run, i % 2 == 0 ? "a" : "b", TARGET, "case-" + i / 2, 0),
                request, text, "", List.of(), answer, answer, grade, null, FinishReason.STOP,
                new Usage(200, 150, null), new Timings(3.0, 40.0, null), Instant.ofEpochMilli(1_000L + i));
    }
}
