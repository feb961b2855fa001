// SPDX-License-Identifier: Apache-2.0
package dev.rationale.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rationale.core.promptset.Choice;
import dev.rationale.core.promptset.PromptSet;
import dev.rationale.core.promptset.PromptSetFiles;
import dev.rationale.core.promptset.Task;
import dev.rationale.core.promptset.TestCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    @Test
    void bigbenchMakesASetWithExemplarsAndTwoVariantsThatValidates() {
        Path out = dir.resolve("science.rationale.json");

        CliRun run = CliRun.of("import", "bigbench", CliRun.sample("everyday-science.bigbench.json").toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(out + ": 3 test cases imported into task \"everyday_science\","
                + " 3 examples kept as exemplars\n");
        Task task = PromptSetFiles.load(out).tasks().getFirst();
        assertThat(task.variants()).extracting(v -> v.id()).containsExactly("zero-shot", "few-shot");
        assertThat(task.cases().getFirst().inputs().get("choices")).contains("\n  choice: gravity");
        assertThat(CliRun.of("validate", out.toString()).err()).as("no warnings either").isEmpty();
    }

    @Test
    void bigbenchShotsZeroKeepsEveryExampleAsACase() {
        Path out = dir.resolve("s.rationale.json");

        CliRun run = CliRun.of("import", "bigbench", CliRun.sample("everyday-science.bigbench.json").toString(),
                "--out", out.toString(), "--shots", "0", "--task", "science");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Task task = PromptSetFiles.load(out).task("science").orElseThrow();
        assertThat(task.cases()).hasSize(6);
        assertThat(task.exemplars()).isEmpty();
    }

    @Test
    void csvMakesANewSetThatRendersEachCase() {
        Path out = dir.resolve("extra.rationale.json");

        CliRun run = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith(out + ": 10 test cases imported into task \"arithmetic-extra\"");
        CliRun render = CliRun.of("render", out.toString(), "--case", "a5");
        assertThat(render.out()).contains("Question: A pizza is cut into 8 slices.");
    }

    @Test
    void csvAppendsToATaskOfAnExistingSetInPlace() throws Exception {
        Path set = dir.resolve("arithmetic.rationale.json");
        Files.copy(CliRun.sample("arithmetic.rationale.json"), set);
        int before = PromptSetFiles.load(set).tasks().getFirst().cases().size();

        CliRun run = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--set", set.toString(), "--task", "arithmetic", "--out", set.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        PromptSet updated = PromptSetFiles.load(set);
        assertThat(updated.tasks().getFirst().cases()).hasSize(before + 10);
        assertThat(updated.tasks().getFirst().cases().getLast().id()).isEqualTo("a10");
    }

    @Test
    void bigbenchKeepsEachCasesOptionsInTheSavedSet() throws Exception {
        Path out = dir.resolve("science.rationale.json");

        CliRun run = CliRun.of("import", "bigbench", CliRun.sample("everyday-science.bigbench.json").toString(),
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(PromptSetFiles.load(out).tasks().getFirst().cases()).allMatch(TestCase::hasChoices)
                .extracting(TestCase::topChoices).containsExactly(List.of("gravity"), List.of("a candle flame"),
                        List.of("Heat moves from the soup into the spoon."));
    }

    @Test
    void csvAndJsonlOptionsAreKeptWhenAddedToATaskOfAnExistingSet() throws Exception {
        Path set = dir.resolve("arithmetic.rationale.json");
        Files.copy(CliRun.sample("arithmetic.rationale.json"), set);
        Path csv = Files.writeString(dir.resolve("mc.csv"), """
                id,question,target_scores
                mc-1,What is 2 + 2?,"{""3"": 0, ""4"": 1}"
                """);
        Path jsonl = Files.writeString(dir.resolve("mc.jsonl"), """
                {"id": "mc-2", "question": "What is 3 + 3?", "target_scores": {"6": 1, "9": 0}}
                """);

        CliRun fromCsv = CliRun.of("import", "csv", csv.toString(), "--set", set.toString(), "--task", "arithmetic",
                "--out", set.toString());
        CliRun fromJsonl = CliRun.of("import", "jsonl", jsonl.toString(), "--set", set.toString(), "--task",
                "arithmetic", "--out", set.toString());

        assertThat(fromCsv.exitCode()).as(fromCsv.err()).isZero();
        assertThat(fromJsonl.exitCode()).as(fromJsonl.err()).isZero();
        List<TestCase> cases = PromptSetFiles.load(set).task("arithmetic").orElseThrow().cases();
        assertThat(cases.subList(cases.size() - 2, cases.size())).containsExactly(
                new TestCase("mc-1", Map.of("question", "What is 2 + 2?"), "4",
                        List.of(Choice.of("3", 0), Choice.of("4", 1))),
                new TestCase("mc-2", Map.of("question", "What is 3 + 3?"), "6",
                        List.of(Choice.of("6", 1), Choice.of("9", 0))));
    }

    @Test
    void jsonlReplacesCasesAndMapsAColumnOntoTheTasksInput() throws Exception {
        Path data = Files.writeString(dir.resolve("more.jsonl"), """
                {"id": "m1", "problem": "What is 6 * 7?", "level": "easy", "expected": 42}
                {"id": "m2", "problem": "What is 100 - 1?", "level": "easy", "expected": 99}
                """);
        Path out = dir.resolve("replaced.rationale.json");

        CliRun run = CliRun.of("import", "jsonl", data.toString(), "--set",
                CliRun.sample("arithmetic.rationale.json").toString(), "--out", out.toString(), "--replace",
                "--map", "problem=question");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 test cases imported into task \"arithmetic\"")
                .contains("not used by the task: level");
        assertThat(PromptSetFiles.load(out).tasks().getFirst().cases()).extracting(c -> c.inputs().get("question"))
                .containsExactly("What is 6 * 7?", "What is 100 - 1?");
    }

    @Test
    void aBrokenFileExitsTwoWithOneLineAndWritesNothing() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            text.append("{\"question\": \"q").append(i).append("\", \"expected\": \"").append(i).append("\"}\n");
        }
        text.append("{\"question\": \"q7\", \"expected\": \"7\"\n");
        Path data = Files.writeString(dir.resolve("broken.jsonl"), text.toString());
        Path out = dir.resolve("never.rationale.json");

        CliRun run = CliRun.of("import", "jsonl", data.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("rationale: " + data + ":7:35: not valid JSON: unexpected end of the text:"
                + " expected close marker for Object").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void anExistingOutputIsKeptUnlessForced() throws Exception {
        Path out = Files.writeString(dir.resolve("mine.rationale.json"), "precious");

        CliRun refused = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--out", out.toString());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists; pass --force");
        assertThat(out).hasContent("precious");

        CliRun forced = CliRun.of("import", "csv", CliRun.sample("arithmetic-extra.csv").toString(),
                "--out", out.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(PromptSetFiles.load(out).tasks().getFirst().cases()).hasSize(10);
    }

    @Test
    void usageMistakesExitTwo() {
        CliRun mapWithoutSet = CliRun.of("import", "csv", "a.csv", "--out", dir.resolve("o.json").toString(),
                "--map", "a=b");
        CliRun noFormat = CliRun.of("import");
        CliRun noOut = CliRun.of("import", "bigbench", "task.json");

        assertThat(mapWithoutSet.exitCode()).isEqualTo(2);
        assertThat(mapWithoutSet.err()).contains("--map needs --set");
        assertThat(noFormat.exitCode()).isEqualTo(2);
        assertThat(noFormat.err()).contains("Missing a format");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
    }

    @Test
    void importIsListedWithItsFormats() {
        assertThat(CliRun.of("--help").out()).contains("import");
        CliRun help = CliRun.of("import", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: rationale import").contains("bigbench").contains("csv")
                .contains("jsonl");
    }
}
