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
import dev.rationale.core.provider.ProviderKind;
import dev.rationale.core.render.RenderedPrompt;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {
    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");
    private static final RunTarget OLLAMA = new RunTarget("local-ollama", ProviderKind.OLLAMA, "llama3.2");
    private static final RunTarget OPENAI = new RunTarget("openai", ProviderKind.OPENAI, "gpt-4o-mini");

    @TempDir
    Path workspace;

    @BeforeEach
    void storeTwoRuns() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(Run.started("run-old", RunKind.EVALUATION, START, "arithmetic.rationale.json",
                    "Arithmetic", "gsm", List.of("zero-shot", "cot"), List.of(OLLAMA, OPENAI),
                    GenerationSettings.NONE, 8));
            List<CompletionRecord> completions = new ArrayList<>();
            // zero-shot on ollama: 1 of 2 right; cot on ollama: 2 of 2; cot on openai: 1 right, 1 failed call.
            completions.add(completion("run-old", "zero-shot", OLLAMA, "c1", Verdict.CORRECT));
            completions.add(completion("run-old", "zero-shot", OLLAMA, "c2", Verdict.WRONG));
            completions.add(completion("run-old", "cot", OLLAMA, "c1", Verdict.CORRECT));
            completions.add(completion("run-old", "cot", OLLAMA, "c2", Verdict.CORRECT));
            completions.add(completion("run-old", "cot", OPENAI, "c1", Verdict.CORRECT));
            completions.add(completion("run-old", "cot", OPENAI, "c2", Verdict.FAILED));
            store.recordAll(completions);
            store.finishRun("run-old", RunStatus.CANCELLED, START.plusSeconds(90));
            store.startRun(Run.started("run-new", RunKind.PROMPT, START.plusSeconds(3600), null, null, null,
                    List.of("prompt"), List.of(OPENAI), GenerationSettings.NONE, 1));
        }
    }

    private static CompletionRecord completion(String runId, String variant, RunTarget target, String caseId,
            Verdict grade) {
        CompletionRequest request = CompletionRequest.of(target.model(), new RenderedPrompt.Text("Q: " + caseId));
        return new CompletionRecord(new RunCompletionKey(runId, variant, target, caseId, 0), request, "42", "",
                List.of(), grade == Verdict.CORRECT ? "42" : "41", "42", grade,
                grade == Verdict.FAILED ? "timeout" : null, null, null, null, START);
    }

    @Test
    void listPrintsRunsNewestFirst() {
        CliRun run = CliRun.of("history", "list", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID").contains("STATUS").contains("ACCURACY");
        assertThat(lines.get(1)).startsWith("run-new").contains("prompt").contains("running")
                .contains("0/1").contains("openai/gpt-4o-mini");
        // 4 correct of 5 graded: the failed call is not counted against the prompt.
        assertThat(lines.get(2)).startsWith("run-old").contains("cancelled").contains("6/8").contains("80.0%")
                .contains("Arithmetic / gsm").contains("local-ollama/llama3.2, openai/gpt-4o-mini");
    }

    @Test
    void listFiltersAndLimits() {
        CliRun filtered = CliRun.of("history", "list", "--workspace", workspace.toString(), "--filter", "llama");
        CliRun limited = CliRun.of("history", "list", "--workspace", workspace.toString(), "--limit", "1");
        CliRun none = CliRun.of("history", "list", "--workspace", workspace.toString(), "--filter", "nothing");

        assertThat(filtered.out().lines().skip(1)).singleElement().asString().startsWith("run-old");
        assertThat(limited.out().lines().skip(1)).singleElement().asString().startsWith("run-new");
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).startsWith("No runs in ").contains("match \"nothing\"");
    }

    @Test
    void listShowsOnlyTheRunsOfTheKindAsked() throws Exception {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.recordRun(Run.started("run-branch", RunKind.BRANCH, START.plusSeconds(7200), null, "Arithmetic",
                    "gsm", List.of("cot"), List.of(OLLAMA), GenerationSettings.NONE, 1)
                    .ended(RunStatus.COMPLETED, START.plusSeconds(7201)),
                    List.of(completion("run-branch", "cot", OLLAMA, "c1", Verdict.CORRECT)));
        }

        CliRun branches = CliRun.of("history", "list", "--workspace", workspace.toString(), "--kind", "branch");
        CliRun prompts = CliRun.of("history", "list", "--workspace", workspace.toString(), "--kind", "PROMPT",
                "--json");
        CliRun compares = CliRun.of("history", "list", "--workspace", workspace.toString(), "--kind", "compare");
        CliRun unknown = CliRun.of("history", "list", "--workspace", workspace.toString(), "--kind", "column");

        assertThat(branches.exitCode()).as(branches.err()).isZero();
        assertThat(branches.out().lines().skip(1)).singleElement().asString().startsWith("run-branch")
                .contains("branch").contains("completed").contains("100.0%");
        JsonNode json = new ObjectMapper().readTree(prompts.out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("id").asText()).isEqualTo("run-new");
        assertThat(json.get(0).path("kind").asText()).isEqualTo("prompt");
        assertThat(compares.out()).startsWith("No runs in ").contains("of kind compare");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--kind must be one of evaluation, prompt, compare, branch, got column");
    }

    @Test
    void listJsonIsAnArrayOfStableObjects() throws Exception {
        CliRun run = CliRun.of("history", "list", "--workspace", workspace.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode runs = new ObjectMapper().readTree(run.out());
        assertThat(runs).hasSize(2);
        JsonNode old = runs.get(1);
        assertThat(old.fieldNames()).toIterable().containsExactly("id", "kind", "status", "startedAt",
                "finishedAt", "promptSetName", "promptSetFile", "task", "variants", "targets", "appVersion",
                "planned", "counts");
        assertThat(old.path("startedAt").asText()).isEqualTo("2026-01-05T10:00:00Z");
        assertThat(old.path("finishedAt").asText()).isEqualTo("2026-01-05T10:01:30Z");
        assertThat(old.path("targets").get(0).toString())
                .isEqualTo("{\"endpoint\":\"local-ollama\",\"kind\":\"ollama\",\"model\":\"llama3.2\"}");
        assertThat(old.path("counts").toString()).isEqualTo("{\"total\":6,\"correct\":4,\"wrong\":1,"
                + "\"noAnswer\":0,\"ungraded\":0,\"failed\":1,\"accuracy\":0.8}");
        assertThat(runs.get(0).has("finishedAt")).as("null fields stay in the object").isTrue();
        assertThat(runs.get(0).path("counts").path("accuracy").isNull()).isTrue();
    }

    @Test
    void showPrintsCountsPerVariantAndTarget() {
        CliRun run = CliRun.of("history", "show", "run-old", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Run run-old (evaluation, cancelled)")
                .contains("Prompt set: Arithmetic (arithmetic.rationale.json), task gsm")
                .contains("Completions: 6 of 8 planned; 4 correct, 1 wrong, 0 no answer, 0 ungraded, 1 failed; "
                        + "accuracy 80.0%");
        List<String> table = run.out().lines().dropWhile(line -> !line.startsWith("VARIANT")).toList();
        assertThat(table).hasSize(5);
        // Ollama is free; the stored gpt-4o-mini completions reported no usage, so they cost nothing known.
        assertThat(table.get(1).split(" +")).containsExactly("zero-shot", "local-ollama/llama3.2", "2", "1", "1",
                "0", "0", "0", "50.0%", "$0");
        assertThat(table.get(2).split(" +")).containsExactly("cot", "local-ollama/llama3.2", "2", "2", "0", "0",
                "0", "0", "100.0%", "$0");
        assertThat(table.get(3).split(" +")).containsExactly("cot", "openai/gpt-4o-mini", "2", "1", "0", "0", "0",
                "1", "100.0%", "$0");
        assertThat(table.get(4)).startsWith("cost: $0 from the reported usage at the prices checked ");
    }

    @Test
    void showJsonHoldsTheRunAndItsCells() throws Exception {
        CliRun run = CliRun.of("history", "show", "run-old", "--workspace", workspace.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.fieldNames()).toIterable().containsExactly("run", "cells", "cost", "baseline",
                "comparisons");
        // cot against zero-shot on the one model both ran on: c1 right in both, c2 right only for cot.
        assertThat(report.path("baseline").asText()).isEqualTo("zero-shot");
        assertThat(report.path("comparisons")).hasSize(1);
        JsonNode cot = report.path("comparisons").get(0);
        assertThat(cot.path("variant").asText()).isEqualTo("cot");
        assertThat(cot.path("target").asText()).isEqualTo("local-ollama/llama3.2");
        assertThat(cot.path("paired").path("pairs").asInt()).isEqualTo(2);
        assertThat(cot.path("paired").path("onlyA").asInt()).isZero();
        assertThat(cot.path("paired").path("onlyB").asInt()).isEqualTo(1);
        assertThat(cot.path("paired").path("p").asDouble()).isEqualTo(1.0);
        assertThat(cot.path("paired").path("better").asText()).isEqualTo("b");
        assertThat(report.path("run").path("id").asText()).isEqualTo("run-old");
        assertThat(report.path("cells")).hasSize(3);
        assertThat(report.path("cells").get(0).toString()).isEqualTo("{\"variant\":\"zero-shot\",\"target\":"
                + "{\"endpoint\":\"local-ollama\",\"kind\":\"ollama\",\"model\":\"llama3.2\"},\"counts\":"
                + "{\"total\":2,\"correct\":1,\"wrong\":1,\"noAnswer\":0,\"ungraded\":0,\"failed\":0,"
                + "\"accuracy\":0.5},\"atK\":[{\"k\":1,\"pass\":0.5,\"maj\":0.5,\"cons\":0.5}],\"tokens\":"
                + "{\"live\":{\"prompt\":0,\"cached\":0,\"completion\":0,\"reasoning\":0},\"batch\":{\"prompt\":0,"
                + "\"cached\":0,\"completion\":0,\"reasoning\":0}},\"cost\":0.0}");
    }

    @Test
    void anUnknownRunIdExitsTwoWithOneLine() {
        CliRun run = CliRun.of("history", "show", "no-such-run", "--workspace", workspace.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).singleElement().asString().startsWith("rationale: no run no-such-run in ")
                .endsWith("history.db");
    }

    @Test
    void aFolderWithoutHistoryHasNoRunsAndGetsNoDatabase(@TempDir Path empty) {
        CliRun list = CliRun.of("history", "list", "--workspace", empty.toString());
        CliRun show = CliRun.of("history", "show", "x", "--workspace", empty.toString());

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("No runs in ");
        assertThat(show.exitCode()).isEqualTo(2);
        assertThat(HistoryStore.exists(empty)).isFalse();
    }

    /** run-old again an hour later: zero-shot fixes c2 on ollama, cot breaks c2 there, the failed call now works. */
    private void storeRerun() {
        try (HistoryStore store = HistoryStore.open(workspace)) {
            store.startRun(Run.started("run-again", RunKind.EVALUATION, START.plusSeconds(7200),
                    "arithmetic.rationale.json", "Arithmetic", "gsm", List.of("zero-shot", "cot"),
                    List.of(OLLAMA, OPENAI), GenerationSettings.NONE, 8));
            store.recordAll(List.of(
                    completion("run-again", "zero-shot", OLLAMA, "c1", Verdict.CORRECT),
                    completion("run-again", "zero-shot", OLLAMA, "c2", Verdict.CORRECT),
                    completion("run-again", "cot", OLLAMA, "c1", Verdict.CORRECT),
                    completion("run-again", "cot", OLLAMA, "c2", Verdict.WRONG),
                    completion("run-again", "cot", OPENAI, "c1", Verdict.CORRECT),
                    completion("run-again", "cot", OPENAI, "c2", Verdict.CORRECT)));
        }
    }

    @Test
    void compareShowsEachCellInBothRunsTheVerdictAndTheChangedCases() {
        storeRerun();

        // Given newest first, the older run is still A.
        CliRun run = CliRun.of("history", "compare", "run-again", "run-old", "--workspace", workspace.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("A run-old").contains("Arithmetic / gsm").contains("accuracy 80.0%");
        assertThat(lines.get(1)).startsWith("B run-again").contains("accuracy 83.3%");
        List<String> cells = run.out().lines().dropWhile(line -> !line.startsWith("VARIANT")).toList();
        assertThat(cells.get(0).split(" {2,}")).containsExactly("VARIANT", "TARGET", "A", "B", "B - A",
                "ONLY A / ONLY B", "P", "PAIRED B - A [95%]");
        assertThat(cells.get(1).split(" {2,}")).containsExactly("zero-shot", "local-ollama/llama3.2",
                "50.0% [9.5-90.5] 1/2", "100.0% [34.2-100.0] 2/2", "+50.0 points", "0 / 1", "1.000",
                "+50.0 [0.0, +100.0]");
        assertThat(cells.get(2).split(" {2,}")).containsExactly("cot", "local-ollama/llama3.2",
                "100.0% [34.2-100.0] 2/2", "50.0% [9.5-90.5] 1/2", "-50.0 points", "1 / 0", "1.000",
                "-50.0 [-100.0, 0.0]");
        // c2 failed in A: it has no pair, so the paired figures rest on c1 alone.
        assertThat(cells.get(3).split(" {2,}")).containsExactly("cot", "openai/gpt-4o-mini",
                "100.0% [20.7-100.0] 1/1", "100.0% [34.2-100.0] 2/2", "±0.0 points", "0 / 0", "1.000",
                "0.0 [0.0, 0.0]");
        assertThat(cells.get(4)).startsWith("all").contains("80.0%").contains("83.3%").contains("+3.3 points")
                .contains("1 / 1");
        assertThat(run.out()).contains("A and B score the same on 5 paired cases (80.0%); only B right on 1, only A"
                + " on 1; McNemar p = 1.000. 1 case graded on one side only left out. 2 fixed, 1 broke.");
        List<String> changes = run.out().lines().dropWhile(line -> !line.startsWith("CHANGE")).toList();
        assertThat(changes).hasSize(4);
        assertThat(changes.get(1).split(" +")).containsExactly("broke", "cot", "local-ollama/llama3.2", "c2", "1",
                "correct", "wrong");
        assertThat(changes.get(2).split(" +")).containsExactly("fixed", "cot", "openai/gpt-4o-mini", "c2", "1",
                "failed", "correct");
        assertThat(changes.get(3).split(" +")).containsExactly("fixed", "zero-shot", "local-ollama/llama3.2", "c2",
                "1", "wrong", "correct");
    }

    @Test
    void compareJsonHoldsBothRunsTheCellsAndTheChanges() throws Exception {
        storeRerun();

        CliRun run = CliRun.of("history", "compare", "run-old", "run-again", "--workspace", workspace.toString(),
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.fieldNames()).toIterable().containsExactly("a", "b", "verdict", "delta", "paired",
                "fixed", "broke", "cells", "changes");
        assertThat(report.path("paired").path("pairs").asInt()).isEqualTo(5);
        assertThat(report.path("paired").path("onlyInB").asInt()).isEqualTo(1);
        assertThat(report.path("paired").path("p").asDouble()).isEqualTo(1.0);
        assertThat(report.path("paired").path("significant").asBoolean()).isFalse();
        assertThat(report.path("paired").path("better").asText()).isEqualTo("neither");
        assertThat(report.path("cells").get(0).path("paired").path("onlyB").asInt()).isEqualTo(1);
        assertThat(report.path("cells").get(0).path("paired").path("interval").path("high").asDouble())
                .isEqualTo(1.0);
        assertThat(report.path("a").path("id").asText()).isEqualTo("run-old");
        assertThat(report.path("fixed").asInt()).isEqualTo(2);
        assertThat(report.path("broke").asInt()).isEqualTo(1);
        assertThat(report.path("cells").get(0).path("delta").asDouble()).isEqualTo(0.5);
        assertThat(report.path("cells").get(0).path("a").path("correct").asInt()).isEqualTo(1);
        assertThat(report.path("changes").get(0).toString()).isEqualTo("{\"change\":\"broke\",\"variant\":\"cot\","
                + "\"target\":\"local-ollama\",\"model\":\"llama3.2\",\"case\":\"c2\",\"sample\":0,"
                + "\"a\":\"correct\",\"b\":\"wrong\"}");
    }

    @Test
    void compareWithAnUnknownRunNamesItAndExitsTwo() {
        CliRun run = CliRun.of("history", "compare", "run-old", "no-such-run", "--workspace", workspace.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("rationale: no run no-such-run in ");
    }

    @Test
    void historyWithoutASubcommandIsAUsageError() {
        CliRun run = CliRun.of("history");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("history list");
    }
}
